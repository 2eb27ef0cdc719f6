using System.Text;
using System.Text.Json;
using CsCheck;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Json;

/// <summary>The streaming reader of valid pcf-system/1 documents against the walker: the same system (written text and content
/// hash) whenever it takes a document, and the walker's problems whenever it does not.</summary>
public sealed class ProductSystemFastReaderTests
{
    // Folders of the repository whose JSON documents are read: samples, the docs' example, test data, fuzz corpora, vectors
    // (a vector's inline "system" is read as a document of its own as well).
    private static readonly string[] Folders = ["samples", "docs/examples", "tests/Pcf.Accounting.Tests/TestData", "fuzz/corpus", "tests/vectors"];

    public static TheoryData<string> Documents() => [.. DocumentFiles()];

    private static IEnumerable<string> DocumentFiles()
    {
        foreach (string folder in Folders)
        {
            string root = Path.Combine(Paths.RepoRoot, folder);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(Paths.RepoRoot, file).Replace('\\', '/');
            }
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void EveryDocumentOfTheRepository_ReadsAsTheWalkerReadsIt(string file)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Paths.RepoRoot, file));
        AssertSameAsWalker(bytes);
        if (InlineSystem(bytes) is { } inline)
        {
            AssertSameAsWalker(inline);
        }
    }

    [Fact]
    public void TheRepositorysValidSystems_AreTakenByTheFastPath()
    {
        // The documents of this shape in the repository: a regression to "always gives up" fails here.
        int taken = 0, valid = 0;
        foreach (string file in DocumentFiles())
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(Paths.RepoRoot, file));
            foreach (var document in new[] { bytes, InlineSystem(bytes) }.OfType<byte[]>())
            {
                if (ProductSystemJson.ReadWalking(document, JsonReadOptions.Default).IsValid)
                {
                    valid++;
                    taken += ProductSystemJson.ReadFast(document, JsonReadOptions.Default) is not null ? 1 : 0;
                }
            }
        }

        Assert.True(valid >= 20, $"only {valid} valid systems found");
        Assert.True(taken * 2 >= valid, $"the fast path took {taken} of {valid} valid systems");
    }

    [Fact]
    public void ABenchmarkShapedSystem_IsTakenByTheFastPath_AndReadsAsTheWalkerReadsIt()
    {
        // The shape of `Pcf.Accounting.Benchmarks system N --shape market`: flows and processes with stage, inputs and emissions.
        var json = new StringBuilder("""{"format":"pcf-system/1","name":"market 50","referenceProduct":{"flow":"f49"},"declaredUnit":{"amount":1,"unit":"kg"},"flows":[""");
        for (int i = 0; i < 50; i++)
        {
            json.Append(i > 0 ? "," : string.Empty).Append($$"""{"id":"f{{i}}","name":"product {{i}}","unit":"kg"}""");
        }

        json.Append("""],"processes":[""");
        for (int i = 0; i < 50; i++)
        {
            json.Append(i > 0 ? "," : string.Empty)
                .Append($$"""{"id":"p{{i}}","name":"process {{i}}","stage":"production","output":{"flow":"f{{i}}","amount":1,"unit":"kg"},"inputs":[""");
            for (int j = 0; j < i % 5; j++)
            {
                json.Append(j > 0 ? "," : string.Empty).Append($$"""{"flow":"f{{(i * 7 + j) % i}}","amount":0.0{{j + 1}}{{i}},"unit":"kg"}""");
            }

            json.Append($$"""],"emissions":[{"gas":"CO2-fossil","amount":0.{{i + 1}},"unit":"kg"},{"gas":"CH4-fossil","amount":1e-4,"unit":"kg"}]}""");
        }

        json.Append("]}");
        byte[] bytes = Encoding.UTF8.GetBytes(json.ToString());
        var fast = ProductSystemJson.ReadFast(bytes, JsonReadOptions.Default);
        Assert.NotNull(fast);
        Assert.True(fast.IsValid, string.Join("\n", fast.Problems));
        Assert.Equal(50, fast.Value.Processes.Length);
        AssertSame(ProductSystemJson.ReadWalking(bytes, JsonReadOptions.Default), fast);
    }

    [Fact]
    public void RandomSystems_WrittenAndReadBack_AreTakenAndReadAsTheWalkerReadsThem()
    {
        Generators.CyclicSystem.Sample(system =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(ProductSystemJson.Write(system));
            var fast = ProductSystemJson.ReadFast(bytes, JsonReadOptions.Default);
            Assert.NotNull(fast); // these systems hold nothing the fast path leaves to the walker
            AssertSame(ProductSystemJson.ReadWalking(bytes, JsonReadOptions.Default), fast);
        }, iter: 100);

        Generators.AcyclicSystem.Sample(system => AssertSameAsWalker(Encoding.UTF8.GetBytes(ProductSystemJson.Write(system))), iter: 100);
        Generators.RichSystem.Sample(system => AssertSameAsWalker(Encoding.UTF8.GetBytes(ProductSystemJson.Write(system))), iter: 100);
    }

    private const string Base = """
        {
          "format": "pcf-system/1",
          "name": "Bracket",
          "description": "A test",
          "region": "CN",
          "referenceYear": 2024,
          "referenceProduct": { "flow": "bracket" },
          "declaredUnit": { "amount": 1, "unit": "piece" },
          "flows": [
            { "id": "bracket", "name": "Bracket", "unit": "piece" },
            { "id": "steel", "name": "Steel", "unit": "kg", "factorKey": "steel-hot-rolled" },
            { "id": "power", "name": "Power", "unit": "kWh", "tags": ["report:energy"] },
            { "id": "scrap", "name": "Scrap", "unit": "kg", "kind": "waste" }
          ],
          "processes": [
            {
              "id": "forming", "name": "Forming", "stage": "production", "region": "CN-JS", "primaryData": true,
              "tags": ["supplier=acme"],
              "output": { "flow": "bracket", "amount": 10, "unit": "piece" },
              "inputs": [
                { "flow": "steel", "amount": 4.2, "unit": "kg" },
                { "flow": "power", "amount": 3, "unit": "kWh", "from": { "factor": "electricity-grid", "region": "CN", "year": 2023 } },
                { "flow": "scrap", "amount": 0.2, "unit": "kg", "from": { "factor": "scrap-treatment" } }
              ],
              "emissions": [
                { "gas": "CO2-fossil", "amount": 0.5, "unit": "kg" },
                { "gas": "CH4-fossil", "amount": 2, "unit": "g", "kind": "emission" }
              ]
            }
          ]
        }
        """;

    // Each variant changes the valid document above: the fast path takes it (and must agree) or gives up (and the walker decides).
    public static TheoryData<string, string, string> Variants()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (change, from, to) in VariantList)
        {
            data.Add(change, from, to);
        }

        return data;
    }

    private static readonly (string Change, string From, string To)[] VariantList =
    [
        ("the base document", "\"referenceYear\": 2024,", "\"referenceYear\": 2024,"),
        ("members in another order", "\"format\": \"pcf-system/1\",\n  \"name\": \"Bracket\",", "\"name\": \"Bracket\",\n  \"format\": \"pcf-system/1\","),
        ("name after the processes", "\"name\": \"Bracket\",\n  \"description\"", "\"description\""),
        ("an unknown member", "\"referenceYear\": 2024,", "\"referenceYear\": 2024, \"colour\": \"red\","),
        ("a repeated member", "\"referenceYear\": 2024,", "\"referenceYear\": 2024, \"region\": \"DE\","),
        ("an escaped member name", "\"region\": \"CN\",\n  \"referenceYear\"", "\"regi\\u006fn\": \"CN\",\n  \"referenceYear\""),
        ("an escaped value", "{ \"flow\": \"steel\", \"amount\": 4.2", "{ \"flow\": \"st\\u0065el\", \"amount\": 4.2"),
        ("an escaped unit", "\"amount\": 4.2, \"unit\": \"kg\"", "\"amount\": 4.2, \"unit\": \"k\\u0067\""),
        ("a wrong type", "\"referenceYear\": 2024", "\"referenceYear\": \"2024\""),
        ("a year with a fraction", "\"referenceYear\": 2024", "\"referenceYear\": 2024.5"),
        ("a null optional member", "\"region\": \"CN\",\n  \"referenceYear\"", "\"region\": null,\n  \"referenceYear\""),
        ("a null required member", "\"name\": \"Bracket\",", "\"name\": null,"),
        ("a blank required member", "\"name\": \"Bracket\",", "\"name\": \" \","),
        ("a number past the limit", "\"amount\": 4.2", "\"amount\": 4.2e31"),
        ("a number below the limit", "\"amount\": 4.2", "\"amount\": 4.2e-31"),
        ("a number past a double", "\"amount\": 4.2", "\"amount\": 1e400"),
        ("zero", "\"amount\": 4.2", "\"amount\": 0"),
        ("a negative number", "\"amount\": 4.2", "\"amount\": -4.2"),
        ("a number as a string", "\"amount\": 4.2", "\"amount\": \"4.2\""),
        ("an unknown unit", "\"amount\": 4.2, \"unit\": \"kg\"", "\"amount\": 4.2, \"unit\": \"kilogram\""),
        ("a currency unit", "\"amount\": 4.2, \"unit\": \"kg\"", "\"amount\": 4.2, \"unit\": \"currency:EUR\""),
        ("an unknown gas", "\"gas\": \"CO2-fossil\"", "\"gas\": \"CO3\""),
        ("a gas alias", "\"gas\": \"CH4-fossil\"", "\"gas\": \"ch4\""),
        ("an unknown stage", "\"stage\": \"production\"", "\"stage\": \"manufacture\""),
        ("an empty stage", "\"stage\": \"production\"", "\"stage\": \"\""),
        ("an unknown flow kind", "\"kind\": \"waste\"", "\"kind\": \"rubbish\""),
        ("an emission kind", "\"kind\": \"emission\"", "\"kind\": \"biogenicUptake\""),
        ("an allocation", "\"primaryData\": true,", "\"primaryData\": true, \"allocation\": \"mass\","),
        ("a wrong boolean", "\"primaryData\": true,", "\"primaryData\": 1,"),
        ("a bad tag", "[\"supplier=acme\"]", "[\"\"]"),
        ("a tag that is not a string", "[\"supplier=acme\"]", "[1]"),
        ("empty tags", "[\"supplier=acme\"]", "[]"),
        ("roles", "\"primaryData\": true,", "\"primaryData\": true, \"roles\": [\"packaging\"],"),
        ("empty roles and co-products", "\"primaryData\": true,", "\"primaryData\": true, \"roles\": [], \"coProducts\": [],"),
        ("a co-product", "\"primaryData\": true,", "\"primaryData\": true, \"coProducts\": [{ \"flow\": \"scrap\", \"amount\": 1, \"unit\": \"kg\" }],"),
        ("a share", "\"amount\": 10, \"unit\": \"piece\"", "\"amount\": 10, \"unit\": \"piece\", \"share\": 0.5"),
        ("a null share", "\"amount\": 10, \"unit\": \"piece\"", "\"amount\": 10, \"unit\": \"piece\", \"share\": null"),
        ("a mass per unit", "\"amount\": 10, \"unit\": \"piece\"", "\"amount\": 10, \"unit\": \"piece\", \"massPerUnit\": { \"amount\": 0.4, \"unit\": \"kg\" }"),
        ("displaces on an output", "\"amount\": 10, \"unit\": \"piece\"", "\"amount\": 10, \"unit\": \"piece\", \"displaces\": null"),
        ("an uncertainty", "\"amount\": 4.2, \"unit\": \"kg\"", "\"amount\": 4.2, \"unit\": \"kg\", \"uncertainty\": { \"distribution\": \"normal\", \"relativeStandardDeviation\": 0.1 }"),
        ("a null derivation", "\"amount\": 4.2, \"unit\": \"kg\"", "\"amount\": 4.2, \"unit\": \"kg\", \"derivation\": null"),
        ("a process supply", "\"from\": { \"factor\": \"scrap-treatment\" }", "\"from\": { \"process\": \"forming\" }"),
        ("a process supply with a year", "\"from\": { \"factor\": \"scrap-treatment\" }", "\"from\": { \"process\": \"forming\", \"year\": 2020 }"),
        ("a supply of both", "\"from\": { \"factor\": \"scrap-treatment\" }", "\"from\": { \"process\": \"forming\", \"factor\": \"x\" }"),
        ("a blank supplier", "\"from\": { \"factor\": \"scrap-treatment\" }", "\"from\": { \"factor\": \" \" }"),
        ("a null supply", "\"from\": { \"factor\": \"scrap-treatment\" }", "\"from\": null"),
        ("a missing amount", "{ \"flow\": \"steel\", \"amount\": 4.2, ", "{ \"flow\": \"steel\", "),
        ("no inputs", "\"inputs\": [", "\"inputs\": null, \"x\": ["),
        ("null inputs", "\"primaryData\": true,", "\"primaryData\": true, \"emissions\": null,"),
        ("a product mass", "\"referenceYear\": 2024,", "\"referenceYear\": 2024, \"productMassPerDeclaredUnit\": { \"amount\": 0.4, \"unit\": \"kg\" },"),
        ("a product mass with a stray member", "\"referenceYear\": 2024,", "\"referenceYear\": 2024, \"productMassPerDeclaredUnit\": { \"amount\": 0.4, \"unit\": \"kg\", \"x\": 1 },"),
        ("carbon content", "\"referenceYear\": 2024,", "\"referenceYear\": 2024, \"carbonContent\": { \"fossil\": { \"amount\": 0, \"unit\": \"kg\" }, \"biogenic\": { \"amount\": 0, \"unit\": \"kg\" } },"),
        ("a schema", "\"referenceYear\": 2024,", "\"referenceYear\": 2024, \"$schema\": { \"any\": [1, 2, { \"x\": null }] },"),
        ("another format", "\"format\": \"pcf-system/1\"", "\"format\": \"pcf-system/2\""),
        ("a comment", "\"region\": \"CN\",\n  \"referenceYear\"", "\"region\": /* where */ \"CN\", // the country\n  \"referenceYear\""),
        ("a trailing comma", "\"referenceYear\": 2024,", "\"referenceYear\": 2024,,"),
        ("a reference process", "{ \"flow\": \"bracket\" }", "{ \"flow\": \"bracket\", \"process\": \"forming\" }"),
        ("an empty reference process", "{ \"flow\": \"bracket\" }", "{ \"flow\": \"bracket\", \"process\": \"\" }"),
        ("an unknown flow (a problem of meaning)", "{ \"flow\": \"steel\", \"amount\": 4.2", "{ \"flow\": \"iron\", \"amount\": 4.2"),
        ("a duplicate flow id (a problem of meaning)", "\"id\": \"scrap\"", "\"id\": \"steel\""),
        ("a mismatched unit (a problem of meaning)", "\"amount\": 4.2, \"unit\": \"kg\"", "\"amount\": 4.2, \"unit\": \"kWh\""),
        ("an object for an array", "\"inputs\": [", "\"inputs\": {}, \"x\": ["),
        ("a non-ASCII name", "\"name\": \"Bracket\",", "\"name\": \"Ständer 支架\","),
        ("an item that is not an object", "\"flows\": [", "\"flows\": [1, "),
    ];

    [Theory]
    [MemberData(nameof(Variants))]
    public void AChangedDocument_ReadsAsTheWalkerReadsIt(string change, string from, string to)
    {
        Assert.Contains(from, Base, StringComparison.Ordinal);
        string json = Base.Replace(from, to, StringComparison.Ordinal);
        if (change == "name after the processes")
        {
            json = json.Replace("\n}", ",\n  \"name\": \"Bracket\"\n}", StringComparison.Ordinal);
        }

        AssertSameAsWalker(Encoding.UTF8.GetBytes(json));
        AssertSameAsWalker(Encoding.UTF8.GetBytes(json.Replace("\n", string.Empty, StringComparison.Ordinal).Replace("  ", string.Empty, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("the base document")]
    [InlineData("members in another order")]
    [InlineData("name after the processes")]
    [InlineData("a null optional member")]
    [InlineData("a comment")]
    [InlineData("a schema")]
    [InlineData("a share")]
    [InlineData("a process supply")]
    [InlineData("a product mass")]
    [InlineData("an allocation")]
    [InlineData("an escaped value")]
    [InlineData("an unknown flow (a problem of meaning)")]
    public void ADocumentOfTheCoveredShape_IsTaken(string change)
    {
        var (_, from, to) = VariantList.Single(v => v.Change == change);
        string json = Base.Replace(from, to, StringComparison.Ordinal);
        if (change == "name after the processes")
        {
            json = json.Replace("\n}", ",\n  \"name\": \"Bracket\"\n}", StringComparison.Ordinal);
        }

        Assert.NotNull(ProductSystemJson.ReadFast(Encoding.UTF8.GetBytes(json), JsonReadOptions.Default));
    }

    [Fact]
    public void AByteOrderMark_IsSkippedAsTheWalkerSkipsIt()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Base)];
        Assert.NotNull(ProductSystemJson.ReadFast(bytes, JsonReadOptions.Default));
        AssertSameAsWalker(bytes);
    }

    public static TheoryData<string> Limits() => ["string", "array", "depth", "magnitude", "size", "depth 0", "problems"];

    [Theory]
    [MemberData(nameof(Limits))]
    public void TheLimits_AreTheWalkers(string limit)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Base);
        JsonReadOptions[] options = limit switch
        {
            "string" => [new() { MaxStringLength = 4 }, new() { MaxStringLength = 7 }, new() { MaxStringLength = 16 }],
            "array" => [new() { MaxArrayLength = 1 }, new() { MaxArrayLength = 3 }, new() { MaxArrayLength = 4 }],
            "depth" => [new() { MaxDepth = 3 }, new() { MaxDepth = 4 }, new() { MaxDepth = 5 }],
            "magnitude" => [new() { MaxNumberMagnitude = 5 }, new() { MaxNumberMagnitude = 100 }, new() { MaxNumberMagnitude = double.MaxValue }],
            "size" => [new() { MaxDocumentBytes = bytes.Length - 1 }, new() { MaxDocumentBytes = bytes.Length }],
            "depth 0" => [new() { MaxDepth = 0 }],
            _ => [new() { MaxProblems = 0 }, new() { MaxProblems = 1 }],
        };
        foreach (var o in options)
        {
            AssertSameAsWalker(bytes, o);
        }
    }

    [Fact]
    public void BrokenBytes_AreTheWalkers()
    {
        byte[] valid = Encoding.UTF8.GetBytes(Base);
        AssertSameAsWalker([]);
        AssertSameAsWalker(valid[..^3]);
        AssertSameAsWalker([.. valid, (byte)'x']);
        AssertSameAsWalker([.. valid, .. "{}"u8]);
        AssertSameAsWalker(Encoding.UTF8.GetBytes(Base.Replace("Bracket\"", "Br\\ud800acket\"", StringComparison.Ordinal)));
        byte[] invalid = [.. valid];
        invalid[Base.IndexOf("Forming", StringComparison.Ordinal)] = 0xFF;
        AssertSameAsWalker(invalid);
    }

    // The fast path, when it takes a document, gives the walker's result; Read gives the walker's result in every case.
    internal static void AssertSameAsWalker(byte[] bytes, JsonReadOptions? options = null)
    {
        options ??= JsonReadOptions.Default;
        var walked = ProductSystemJson.ReadWalking(bytes, options);
        if (ProductSystemJson.ReadFast(bytes, options) is { } fast)
        {
            AssertSame(walked, fast);
        }

        AssertSame(walked, ProductSystemJson.Read(bytes, options));
    }

    private static void AssertSame(ValidationResult<ProductSystem> expected, ValidationResult<ProductSystem> actual)
    {
        Assert.Equal(expected.Problems.Select(p => (p.Path, p.Code, p.Message)), actual.Problems.Select(p => (p.Path, p.Code, p.Message)));
        Assert.Equal(expected.IsValid, actual.IsValid);
        if (expected.IsValid)
        {
            Assert.Equal(ProductSystemJson.Write(expected.Value), ProductSystemJson.Write(actual.Value));
            Assert.Equal(expected.Value.ContentHash, actual.Value.ContentHash);
        }
    }

    private static byte[]? InlineSystem(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("system", out var system)
                && system.ValueKind == JsonValueKind.Object
                ? Encoding.UTF8.GetBytes(system.GetRawText())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
