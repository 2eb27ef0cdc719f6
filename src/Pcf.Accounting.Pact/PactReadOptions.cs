namespace Pcf.Accounting.Pact;

/// <summary>How strictly PACT documents are read.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactReadOptions
{
    /// <summary>Gets the default options.</summary>
    public static PactReadOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether a broken 3.0 sum rule (<see cref="PactProblemCodes.SumRuleViolated"/>) is an error rather than a warning.</summary>
    /// <value>The default value is <see langword="false"/>: the specification's own example documents do not satisfy the rules, so rejecting them would reject real exchanges.</value>
    public bool SumRulesAreErrors { get; init; }

    /// <summary>Gets the largest document accepted, in bytes.</summary>
    /// <value>The default value is 64 MiB.</value>
    public int MaxDocumentBytes { get; init; } = 64 * 1024 * 1024;
}
