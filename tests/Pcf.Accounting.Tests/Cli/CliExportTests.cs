using System.Globalization;
using System.Text;
using System.Text.Json;
using Pcf.Accounting.Pact;
using Pcf.Accounting.Tests.TestSupport;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

public sealed class CliExportTests : IDisposable
{
    // Invented product metadata for the sample steel bracket (docs/cli.md shows the same file).
    private const string BracketMetadata = """
        { "companyName": "Example Steel", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:bracket-400"],
          "productNameCompany": "Bracket 400", "productDescription": "Steel bracket, 0.4 kg", "productCategoryCpc": "42999",
          "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "created": "2025-01-01T00:00:00Z",
          "carbonContent": { "fossil": { "amount": 0.0008, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" } } }
        """;

    // samples/steel-bracket.json with the embedded defaults: 0.975044537592864 kg CO2e per piece (hand-calculated in
    // tests/Pcf.Accounting.Tests/Data/SampleFactorsTests.cs and tests/vectors/steel-bracket-defaults.vector.json).
    private const double BracketPerPiece = 0.975044537592864;

    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static string SteelBracket => Path.Combine(Paths.RepoRoot, "samples", "steel-bracket.json");

    [Fact]
    public async Task Export_WithoutPact_WritesVersion3()
    {
        var (exit, output, error) = await RunAsync("export", SteelBracket, "--product", _files.Write("product.json", BracketMetadata));

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("3.0.0", json.RootElement.GetProperty("specVersion").GetString());
        Assert.True(PactJson.Validate(Encoding.UTF8.GetBytes(output)).IsValid);
    }

    [Fact]
    public async Task Export_Help_SaysVersion3IsTheDefault()
    {
        var (_, output, _) = await RunAsync("export", "--help");

        Assert.Contains("3.0 by default", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Pact23_SteelBracket_IsAValid23DocumentPerKilogram()
    {
        var (exit, output, error) = await RunAsync("export", SteelBracket, "--pact", "2.3", "--product", _files.Write("product.json", BracketMetadata));

        Assert.True(exit == 0, error);
        var read = PactJson.Read(Encoding.UTF8.GetBytes(output));
        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.StartsWith("2.", root.GetProperty("specVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal("42999", root.GetProperty("productCategoryCpc").GetString());
        var pcf = root.GetProperty("pcf");
        // 2.3 has no 'piece': figures are per kilogram of product, and one piece is 0.4 kg of it.
        Assert.Equal("kilogram", pcf.GetProperty("declaredUnit").GetString());
        Assert.Equal(0.4, Number(pcf, "unitaryProductAmount"), 12);
        Assert.Equal(1, Number(pcf, "productMassPerDeclaredUnit"), 12);
        // 0.9750445376 kg CO2e per piece / 0.4 kg per piece = 2.4376113 kg CO2e per kg. The 2.3 document is converted from
        // the 3.0 one, whose per-piece figures are rounded to 6 decimals (± 5e-7), so the per-kg figures may differ by ± 5e-7 / 0.4.
        double perKg = BracketPerPiece / 0.4;
        const double tolerance = 0.5e-6 / 0.4 + 0.5e-6;
        Assert.InRange(Number(pcf, "pCfExcludingBiogenic"), perKg - tolerance, perKg + tolerance);
        Assert.InRange(Number(pcf, "pCfIncludingBiogenic"), perKg - tolerance, perKg + tolerance);
        Assert.InRange(Number(pcf, "fossilGhgEmissions"), perKg - tolerance, perKg + tolerance);
        // 0.0008 kg fossil carbon per piece / 0.4 kg = 0.002 kg per kg.
        Assert.Equal(0.002, Number(pcf, "fossilCarbonContent"), 12);
        Assert.Equal(0, Number(pcf, "biogenicCarbonContent"), 12);
        Assert.Equal("AR6", pcf.GetProperty("characterizationFactors").GetString());
        // Primary-data share 9.55 %: forming's 15 kWh of Jiangsu grid power, 0.15 kWh x 0.6205 = 0.093075 of 0.9750445 kg CO2e.
        Assert.Equal(100 * 0.093075 / BracketPerPiece, pcf.GetProperty("primaryDataShare").GetDouble(), 3);
        Assert.Contains("2.3 has no 'piece'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_BadMetadata_ReportsEveryProblemWithFilePathAndRule()
    {
        string meta = _files.Write("meta.json", """
            { "companyName": 42, "companyIds": ["urn:pact:company:example", 5], "productIds": "urn:pact:product:p",
              "productNameCompanyy": "P", "productDescription": "Test product P", "created": "yesterday",
              "productMassPerDeclaredUnit": { "amount": "0.4", "unit": "kg" }, "dataQuality": { "technological": 7 } }
            """);

        var (exit, output, error) = await RunAsync("export", SteelBracket, "--product", meta);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("meta.json: $.productNameCompanyy  PCF0007  'productNameCompanyy' is not a member here; did you mean 'productNameCompany'? Allowed: companyName, ", error, StringComparison.Ordinal);
        Assert.Contains("meta.json: $.companyName  PCF0006  'companyName' must be a string, found the number 42.", error, StringComparison.Ordinal);
        Assert.Contains("meta.json: $.companyIds[1]  PCF0006  Each item of 'companyIds' must be a string, found the number 5.", error, StringComparison.Ordinal);
        Assert.Contains("meta.json: $.productIds  PCF0006  'productIds' must be an array, found the string \"urn:pact:product:p\".", error, StringComparison.Ordinal);
        Assert.Contains("meta.json: $.created  PCF0006  'created' must be an RFC 3339 date-time", error, StringComparison.Ordinal);
        Assert.Contains("meta.json: $.productMassPerDeclaredUnit.amount  PCF0006  'amount' must be a finite number, found the string \"0.4\".", error, StringComparison.Ordinal);
        Assert.Contains("meta.json: $.dataQuality.technological  PCF0104", error, StringComparison.Ordinal);
        Assert.Contains("meta.json: $.productNameCompany  PCF0005  'productNameCompany' is required.", error, StringComparison.Ordinal);
        // One problem per path: a member in error is not reported again as missing.
        Assert.Single(error.Split('\n'), l => l.Contains("$.companyName ", StringComparison.Ordinal));
        Assert.Single(error.Split('\n'), l => l.Contains("$.productIds ", StringComparison.Ordinal));
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Pcf.Accounting.Cli", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_MalformedMetadata_NamesLineAndByte()
    {
        string meta = _files.Write("meta.json", "{ \"companyName\": ");

        var (exit, _, error) = await RunAsync("export", SteelBracket, "--product", meta);

        Assert.Equal(1, exit);
        Assert.Contains("meta.json: $  PCF0001  The document is not valid JSON: line 1, byte ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OutInAMissingFolder_SaysSoBeforeCalculating()
    {
        string missing = Path.Combine(_files.Folder, "no-such-dir");
        string target = Path.Combine(missing, "out.json");

        var (exit, output, error) = await RunAsync("export", SteelBracket, "--product", _files.Write("product.json", BracketMetadata), "--out", target);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains($"pcf: cannot write '{target}': the folder '{missing}' does not exist.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find a part of the path", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_OutIsAFolder_SaysSo()
    {
        var (exit, _, error) = await RunAsync("export", SteelBracket, "--product", _files.Write("product.json", BracketMetadata), "--out", _files.Folder);

        Assert.Equal(1, exit);
        Assert.Contains($"cannot write '{_files.Folder}': it is a folder.", error, StringComparison.Ordinal);
    }

    private static double Number(JsonElement parent, string name)
    {
        var value = parent.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble();
    }
}
