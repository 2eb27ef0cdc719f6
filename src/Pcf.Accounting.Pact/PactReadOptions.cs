using Pcf.Accounting.Json;

namespace Pcf.Accounting.Pact;

/// <summary>How strictly PACT documents are read: the limits every format of Pcf.Accounting has (<see cref="JsonReadOptions"/>),
/// plus the switches of PACT.</summary>
/// <remarks>The limits differ from <see cref="JsonReadOptions.Default"/> where PACT documents differ from the project's own:
/// at most 64 MiB (a list response of a few thousand footprints is a few MiB), and nesting up to 64 levels (a footprint
/// needs 6, but the <c>data</c> of a data-model extension is the extension's own).</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactReadOptions : JsonReadOptions
{
    /// <summary>Initializes a new instance of the <see cref="PactReadOptions"/> class with the defaults.</summary>
    public PactReadOptions()
    {
        MaxDocumentBytes = 64L * 1024 * 1024;
        MaxDepth = 64;
    }

    /// <summary>Gets the default options.</summary>
    public static new PactReadOptions Default { get; } = new();

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
}
