using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Validation;

/// <summary>The outcome of validating user input: either a value, or every problem found and no value.</summary>
/// <remarks>
/// Bad input is expected, so it is reported as data, not thrown. A failed result never carries a
/// partial value. <see cref="ThrowIfInvalid"/> converts a failure into a <see cref="ValidationException"/>.
/// </remarks>
/// <typeparam name="T">The validated value's type.</typeparam>
/// <threadsafety>Immutable.</threadsafety>
public sealed class ValidationResult<T>
{
    private readonly T? _value;

    private ValidationResult(T? value, ImmutableArray<ValidationProblem> problems)
    {
        _value = value;
        Problems = problems;
    }

    /// <summary>Gets the problems found, in document order; empty when <see cref="IsValid"/>.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; }

    /// <summary>Gets a value indicating whether the input was valid and <see cref="Value"/> is available.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Problems.IsEmpty;

    /// <summary>Gets the validated value.</summary>
    /// <exception cref="ValidationException">The input was invalid; the exception lists every problem.</exception>
    public T Value => IsValid ? _value! : throw new ValidationException(Problems);

    internal static ValidationResult<T> CreateSuccess(T value) => new(value, ImmutableArray<ValidationProblem>.Empty);

    internal static ValidationResult<T> CreateFailure(ImmutableArray<ValidationProblem> problems) => new(default, problems);

    /// <summary>Gets the value when the input was valid.</summary>
    /// <param name="value">The value, or <c>default</c> when invalid.</param>
    /// <returns><see langword="true"/> when the input was valid.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsValid;
    }

    /// <summary>Returns the value, or throws a <see cref="ValidationException"/> listing every problem.</summary>
    /// <returns>The validated value.</returns>
    /// <exception cref="ValidationException">The input was invalid.</exception>
    public T ThrowIfInvalid() => Value;
}
