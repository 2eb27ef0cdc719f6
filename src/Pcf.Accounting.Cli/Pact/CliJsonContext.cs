using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pcf.Accounting.Cli.Pact;

/// <summary>Source-generated JSON for the CLI's own documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ProductMetadataDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
