using System.Collections.Immutable;

namespace Pcf.Accounting.Validation;

/// <summary>Thrown when invalid input is used as if it were valid; carries every problem found.</summary>
/// <remarks>Like <c>OptionsValidationException</c>: <see cref="Problems"/> keeps the list and
/// <see cref="Exception.Message"/> joins them, one per line.</remarks>
public sealed class ValidationException : Exception
{
    /// <summary>Initializes a new instance with the problems found.</summary>
    /// <param name="problems">The problems; at least one.</param>
    public ValidationException(IEnumerable<ValidationProblem> problems)
        : this((problems ?? throw new ArgumentNullException(nameof(problems))).ToImmutableArray())
    {
    }

    private ValidationException(ImmutableArray<ValidationProblem> problems)
        : base(FormatMessage(problems)) => Problems = problems;

    /// <summary>Gets every problem found, in document order.</summary>
    public ImmutableArray<ValidationProblem> Problems { get; }

    private static string FormatMessage(ImmutableArray<ValidationProblem> problems) =>
        problems.Length == 1
            ? "Invalid input: " + problems[0]
            : $"Invalid input ({problems.Length} problems):" + Environment.NewLine
              + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
