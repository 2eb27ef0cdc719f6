using System.Text.Json.Serialization;

namespace Pcf.Accounting.Pact.Json;

/// <summary>Source-generated JSON metadata for PACT 3.0 documents (no reflection; trimming- and AOT-safe).</summary>
/// <remarks>2.3 has its own context, <see cref="PactV2JsonContext"/>: the two versions share type names.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    Converters = [typeof(RfcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(V3.ProductFootprint))]
internal sealed partial class PactJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON metadata for PACT 2.3 documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    Converters = [typeof(RfcDateTimeOffsetConverter)])]
[JsonSerializable(typeof(V2.ProductFootprint))]
internal sealed partial class PactV2JsonContext : JsonSerializerContext;
