using CsCheck;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pcf.Accounting.Json;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Json;

/// <summary>The documented input formats' JSON Schemas (docs/schemas) accept every document the project ships in that format,
/// and reject a broken one, so the schemas and the readers cannot drift apart unnoticed.</summary>
public sealed class DocumentedSchemaTests
{
    private static JsonElement Schema(string name) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "docs", "schemas", name))).RootElement;

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TheoryData<string> SystemDocuments()
    {
        var data = new TheoryData<string> { Path.Combine("docs", "examples", "steel-bracket.pcf.json") };
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.RepoRoot, "samples"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Paths.RepoRoot, file));
        }

        return data;
    }

    public static TheoryData<string> FactorDocuments()
    {
        var data = new TheoryData<string>();
        // Every factor dataset; the manifest (keys and regions per dataset) and the CBAM default values (pcf-cbam-defaults/1) are not factor files.
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.RepoRoot, "src", "Pcf.Accounting.Data", "Data"), "*.json").Order(StringComparer.Ordinal)
                     .Where(f => Path.GetFileName(f) is not ("manifest.json" or "cbam-default-values.json")))
        {
            data.Add(Path.GetRelativePath(Paths.RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SystemDocuments))]
    public void ShippedProductSystems_FollowThePcfSystemSchema(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, relativePath)), Lenient);
        var errors = MiniSchema.Validate(Schema("pcf-system-1.schema.json"), document.RootElement);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        Assert.True(ProductSystemJson.Read(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, relativePath))).IsValid);
    }

    [Theory]
    [MemberData(nameof(FactorDocuments))]
    public void EmbeddedFactorFiles_FollowThePcfFactorsSchema(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Paths.RepoRoot, relativePath)), Lenient);
        var errors = MiniSchema.Validate(Schema("pcf-factors-1.schema.json"), document.RootElement);
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    [Fact]
    public void WrittenSystems_WithTagsAndDerivations_FollowThePcfSystemSchema()
    {
        // Random systems with co-products, tags on processes and flows, and derivations (nested inputs included), as the
        // writer gives them: what pcf template run --system-out writes must pass the documented schema.
        var schema = Schema("pcf-system-1.schema.json");
        Generators.RichSystem.Sample(system =>
        {
            string json = ProductSystemJson.Write(system);
            using var document = JsonDocument.Parse(json);
            var errors = MiniSchema.Validate(schema, document.RootElement);
            Assert.True(errors.Count == 0, string.Join("; ", errors));
        }, iter: 50);
    }

    [Fact]
    public void SystemSchema_RejectsABadTagAndAnUnknownDerivationMember()
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "examples", "steel-bracket.pcf.json")), documentOptions: Lenient)!;
        node["processes"]![0]!["tags"] = new JsonArray("cbam:installation", "has space");
        node["processes"]![1]!["emissions"]![0]!["derivation"] = JsonNode.Parse("""{ "name": "x", "formula": "a", "inputs": [], "result": { "unit": "kg" }, "source": "s", "colour": 1 }""");
        using var broken = JsonDocument.Parse(node.ToJsonString());

        var errors = MiniSchema.Validate(Schema("pcf-system-1.schema.json"), broken.RootElement);

        Assert.Contains(errors, e => e.StartsWith("$.processes[0].tags[1]: 'has space' does not match", StringComparison.Ordinal));
        Assert.Contains("$.processes[1].emissions[0].derivation: unexpected member 'colour'", errors);
    }

    [Fact]
    public void SystemSchema_RejectsABrokenDocument_NamingThePlaces()
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "examples", "steel-bracket.pcf.json")), documentOptions: Lenient)!;
        node["format"] = "pcf-system/2";
        node["processes"]![0]!["colour"] = "red";
        using var broken = JsonDocument.Parse(node.ToJsonString());

        var errors = MiniSchema.Validate(Schema("pcf-system-1.schema.json"), broken.RootElement);

        Assert.Contains(errors, e => e.StartsWith("$.format: expected", StringComparison.Ordinal));
        Assert.Contains("$.processes[0]: unexpected member 'colour'", errors);
    }

    [Fact]
    public void FactorsSchema_RejectsABrokenFactor()
    {
        var file = Path.Combine(Paths.RepoRoot, "src", "Pcf.Accounting.Data", "Data", "china-electricity-lifecycle-2023.json");
        var node = JsonNode.Parse(File.ReadAllText(file))!;
        node["factors"]![0]!.AsObject().Remove("perUnit");
        using var broken = JsonDocument.Parse(node.ToJsonString());

        var errors = MiniSchema.Validate(Schema("pcf-factors-1.schema.json"), broken.RootElement);

        Assert.Contains("$.factors[0]: missing required 'perUnit'", errors);
    }
}
