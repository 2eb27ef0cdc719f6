using System.Collections.Immutable;

namespace Pcf.Accounting.Validation;

/// <summary>Creates <see cref="ValidationResult{T}"/> values.</summary>
public static class ValidationResult
{
    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The validated value's type.</typeparam>
    /// <param name="value">The validated value.</param>
    /// <returns>A valid result holding <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static ValidationResult<T> Success<T>(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ValidationResult<T>.CreateSuccess(value);
    }

    /// <summary>Creates a failed result.</summary>
    /// <typeparam name="T">The type the value would have had.</typeparam>
    /// <param name="problems">The problems; at least one.</param>
    /// <returns>An invalid result with no value.</returns>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public static ValidationResult<T> Failure<T>(IEnumerable<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToImmutableArray();
        return list.IsEmpty
            ? throw new ArgumentException("A failed validation result needs at least one problem.", nameof(problems))
            : ValidationResult<T>.CreateFailure(list);
    }
}
