using System.Text.Json.Serialization;

namespace Pcf.Accounting.Pact.V2;

/// <summary>PACT 2.3 data-quality indicators (<c>dqi</c>): JSON numbers; ratings from 1 (best) to 3.</summary>
/// <param name="CoveragePercent">The share of the footprint assessed, 0 to 100 (<c>coveragePercent</c>).</param>
/// <param name="TechnologicalDqr">Technological representativeness, 1 to 3.</param>
/// <param name="TemporalDqr">Temporal representativeness, 1 to 3.</param>
/// <param name="GeographicalDqr">Geographical representativeness, 1 to 3.</param>
/// <param name="CompletenessDqr">Completeness, 1 to 3.</param>
/// <param name="ReliabilityDqr">Reliability, 1 to 3.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record DataQualityIndicators(
    [property: JsonPropertyName("coveragePercent")] decimal CoveragePercent,
    [property: JsonPropertyName("technologicalDQR")] decimal TechnologicalDqr,
    [property: JsonPropertyName("temporalDQR")] decimal TemporalDqr,
    [property: JsonPropertyName("geographicalDQR")] decimal GeographicalDqr,
    [property: JsonPropertyName("completenessDQR")] decimal CompletenessDqr,
    [property: JsonPropertyName("reliabilityDQR")] decimal ReliabilityDqr);
