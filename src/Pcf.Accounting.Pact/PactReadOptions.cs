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

    /// <summary>Gets a value indicating whether rules stricter than the 3.0 text are errors rather than warnings: the sum rules, a
    /// malformed <c>updated</c> or <c>version</c> (properties 3.0 removed), <c>packagingGhgEmissions</c> without
    /// <c>packagingEmissionsIncluded</c>, CCS fields while <c>ccsTechnologicalCO2CaptureIncluded</c> is false, 3.0 percentages
    /// outside 0 to 100, periods that end before they start, and the MUSTs of the 3.0 prose on the validity period (it lies
    /// between <c>referencePeriodEnd</c> and three years after).</summary>
    /// <value>The default value is <see langword="false"/>: a recipient accepts what the specification accepts, and is told the rest.</value>
    public bool Strict { get; init; }

    /// <summary>Gets the largest document accepted, in bytes.</summary>
    /// <value>The default value is 64 MiB.</value>
    public int MaxDocumentBytes { get; init; } = 64 * 1024 * 1024;
}
