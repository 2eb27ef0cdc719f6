using System.Collections.Immutable;

namespace Pcf.Accounting.Vectors;

/// <summary>The outcome of one reference vector.</summary>
/// <param name="Id">The vector's id (its file name when the id cannot be read).</param>
/// <param name="File">The vector file, if it came from one.</param>
/// <param name="Failures">What differed, one line each (<c>path expected X got Y (tolerance T)</c>); empty when it passed.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record VectorOutcome(string Id, string? File, ImmutableArray<string> Failures)
{
    private readonly ImmutableArray<string> _failures = Bound(Failures);

    /// <summary>Gets what differed, one line each; each line is printable and at most <see cref="Validation.ValidationProblem.MaxMessageLength"/>
    /// characters (a long expectation path or value echoed from the vector is cut with <c>…</c>).</summary>
    public ImmutableArray<string> Failures
    {
        get => _failures;
        init => _failures = Bound(value);
    }

    /// <summary>Gets a value indicating whether every expectation held.</summary>
    public bool Passed => Failures.IsEmpty;

    /// <summary>The lines <c>pcf verify</c> prints: <c>PASS id</c>, or one <c>FAIL id: ...</c> per failure.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> Lines() => Passed ? [$"PASS {Id}"] : Failures.Select(f => $"FAIL {Id}: {f}");

    /// <inheritdoc/>
    public bool Equals(VectorOutcome? other) => other is not null && Id == other.Id && File == other.File && Failures.SequenceEqual(other.Failures);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, File);

    private static ImmutableArray<string> Bound(ImmutableArray<string> failures) =>
        failures.IsDefault ? [] : failures.Select(Validation.BoundedText.BoundMessage).ToImmutableArray();
}
