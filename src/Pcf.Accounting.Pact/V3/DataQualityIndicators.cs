namespace Pcf.Accounting.Pact.V3;

/// <summary>PACT 3.0 data-quality ratings (<c>dqi</c>), each from 1 (best) to 5, as decimals.</summary>
/// <param name="TechnologicalDqr">Technological representativeness (<c>technologicalDQR</c>).</param>
/// <param name="GeographicalDqr">Geographical representativeness (<c>geographicalDQR</c>).</param>
/// <param name="TemporalDqr">Temporal representativeness (<c>temporalDQR</c>).</param>
/// <threadsafety>Immutable.</threadsafety>
[System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString | System.Text.Json.Serialization.JsonNumberHandling.WriteAsString)]
public sealed record DataQualityIndicators(
    [property: System.Text.Json.Serialization.JsonPropertyName("technologicalDQR")] decimal TechnologicalDqr,
    [property: System.Text.Json.Serialization.JsonPropertyName("geographicalDQR")] decimal GeographicalDqr,
    [property: System.Text.Json.Serialization.JsonPropertyName("temporalDQR")] decimal TemporalDqr);
