using System.Text.Json.Serialization;

namespace Pcf.Accounting.Json;

/// <summary>Source-generated JSON metadata for the core's documents (no reflection; trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ProductSystemDocument))]
[JsonSerializable(typeof(DerivationDocument))]
internal sealed partial class PcfJsonContext : JsonSerializerContext;
