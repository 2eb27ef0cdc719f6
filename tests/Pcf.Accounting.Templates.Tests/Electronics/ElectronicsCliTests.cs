using System.Text.Json;
using Pcf.Accounting.Cli;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Pcf.Accounting.Templates.Tests.Electronics;

/// <summary><c>pcf template run electronics/bom</c> with the tool's own services: the BOM file found beside the parameter file,
/// and a supplier's PACT footprint as a supplied part's primary data.</summary>
public sealed class ElectronicsCliTests : IDisposable
{
    // The steel-bracket sample's footprint per piece, as the core's supplier-footprint CLI tests state it (rounded to 6 decimals).
    private const double BracketPerPiece = 0.975045;

    private const string BracketMetadata = """
        { "companyName": "Example Steel", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:bracket-400"],
          "productNameCompany": "Bracket 400", "productDescription": "Steel bracket, 0.4 kg", "productCategoryCpc": "42999",
          "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "created": "2025-01-01T00:00:00Z",
          "carbonContent": { "fossil": { "amount": 0.0008, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" } } }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pcf-electronics-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Width(250);
        console.Colors(ColorSystem.NoColors);
        using var error = new StringWriter();
        int exit = await PcfCli.RunAsync(args, console, error);
        return (exit, console.Output, error.ToString());
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Run_SuppliedPartFromAPactFootprint_IsPrimaryData()
    {
        string footprint = Path.Combine(_folder, "bracket.pact.json");
        string sample = Path.Combine(ElectronicsTestSupport.RepoRoot, "samples", "steel-bracket.json");
        var export = await RunAsync("export", sample, "--pact", "3.0", "--product", Write("product.json", BracketMetadata), "--out", footprint);
        Assert.True(export.Exit == 0, export.Error);
        Write("in/box.bom.json", """
            { "format": "pcf-bom/1", "name": "box",
              "nodes": [ { "id": "bracket", "factorKey": "supplier/bracket", "quantity": 2 },
                         { "id": "chassis", "model": "act-material", "parameters": { "material": "steel", "mass": 1 } } ] }
            """);
        string parameters = Write("in/box.json", """
            { "format": "pcf-template-params/1", "template": "electronics/bom", "parameters": { "bomFile": "box.bom.json" } }
            """);

        var (exit, output, error) = await RunAsync("template", "run", "electronics/bom", "--params", parameters,
            "--factors", $"supplier/bracket={footprint}", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        // 2 brackets x 0.975045 (the supplier's, primary) + 1 kg steel x 1.89 kg/kg (ACT materials.yaml) = 1.95009 + 1.89 = 3.84009.
        double total = root.GetProperty("pcfExcludingBiogenicUptake").GetDouble();
        Assert.Equal((2 * BracketPerPiece) + 1.89, total, 5);
        Assert.Equal(2 * BracketPerPiece / total, root.GetProperty("primaryDataShare").GetDouble(), 5);
        var hotspots = root.GetProperty("views").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "electronics-hotspots");
        var lines = hotspots.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("key").GetString()!, l => l.GetProperty("value").GetDouble());
        Assert.Equal(1, lines["primary:bracket"]);
        Assert.Equal(0, lines["primary:chassis"]);
        Assert.Equal(2 * BracketPerPiece, lines["module:bracket"], 5);
    }

    [Fact]
    public async Task Run_BadBom_NamesTheFileAndTheJsonPath()
    {
        Write("bad.bom.json", """{ "format": "pcf-bom/1", "name": "x", "nodes": [ { "id": "die", "model": "act-logic", "parameters": { "node": "2nm", "dieArea": 10 } } ] }""");
        string parameters = Write("bad.json", """{ "format": "pcf-template-params/1", "template": "electronics/bom", "parameters": { "bomFile": "bad.bom.json" } }""");

        var (exit, _, error) = await RunAsync("template", "run", "electronics/bom", "--params", parameters);

        Assert.Equal(1, exit);
        Assert.Contains("bad.bom.json:$.nodes[0].parameters.node", error, StringComparison.Ordinal);
    }
}
