using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Tests.TestSupport;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary><c>pcf calculate --factors</c> with a supplier's PACT footprint: the steel bracket's own export, bought by an assembly.</summary>
public sealed class CliSupplierFootprintTests : IDisposable
{
    // Invented product metadata for the sample steel bracket (as in CliExportTests and docs/cli.md).
    private const string BracketMetadata = """
        { "companyName": "Example Steel", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:bracket-400"],
          "productNameCompany": "Bracket 400", "productDescription": "Steel bracket, 0.4 kg", "productCategoryCpc": "42999",
          "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "created": "2025-01-01T00:00:00Z",
          "carbonContent": { "fossil": { "amount": 0.0008, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" } } }
        """;

    // An invented buyer: one shelf is 4 brackets (bought) and 2 kWh of power (0.5 kg CO2/kWh, CliHarness.PowerFactors),
    // made in another region and year than the brackets (CN, 2023): the supplier's footprint is matched by its key alone.
    private const string Shelf = """
        {
          "format": "pcf-system/1",
          "name": "shelf",
          "region": "DE",
          "referenceYear": 2025,
          "referenceProduct": { "flow": "shelf" },
          "declaredUnit": { "amount": 1, "unit": "pc" },
          "flows": [
            { "id": "shelf", "name": "shelf", "unit": "pc" },
            { "id": "bracket", "name": "Bracket 400", "unit": "BRACKET_UNIT", "factorKey": "BRACKET_KEY" },
            { "id": "power", "name": "power", "unit": "kWh", "factorKey": "test/power" }
          ],
          "processes": [
            { "id": "assembly", "name": "assembly", "stage": "production", "output": { "flow": "shelf", "amount": 1, "unit": "pc" },
              "inputs": [ { "flow": "bracket", "amount": BRACKET_AMOUNT, "unit": "BRACKET_UNIT" }, { "flow": "power", "amount": 2, "unit": "kWh" } ] }
          ]
        }
        """;

    // The bracket's 3.0 export: pcfExcludingBiogenicUptake "0.975045" per piece (6 decimals of 0.9750445376).
    private const double BracketPerPiece = 0.975045;

    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    private static string SteelBracket => Path.Combine(Paths.RepoRoot, "samples", "steel-bracket.json");

    [Fact]
    public async Task Calculate_Pact30SupplierFootprint_IsPrimaryDataUnderItsProductId()
    {
        string footprint = await ExportBracketAsync("3.0");
        string shelf = _files.Write("shelf.json", ShelfBuying("urn:pact:product:bracket-400", 4, "pc"));

        var (exit, output, error) = await RunAsync("calculate", shelf, "--factors", footprint, "--factors", _files.Write("power.json", PowerFactors), "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        // 4 pc × 0.975045 kg CO2e/pc = 3.90018, plus 2 kWh × 0.5 = 1: 4.90018 kg CO2e per shelf.
        Assert.Equal(4 * BracketPerPiece + 1, root.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 9);
        // The supplier's footprint is primary data, the power factor is not: 3.90018 / 4.90018 = 79.59 %.
        Assert.Equal(4 * BracketPerPiece / (4 * BracketPerPiece + 1), root.GetProperty("primaryDataShare").GetDouble(), 9);
        var factor = root.GetProperty("byFactor").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "urn:pact:product:bracket-400");
        Assert.Contains("Example Steel", factor.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains("3fa85f64-5717-4562-b3fc-2c963f66afa6", factor.GetProperty("source").GetString(), StringComparison.Ordinal);
        // Matched by key alone: no region or year fallback is reported for the supplier's product (the power factor's GLO fallback is).
        Assert.DoesNotContain(root.GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("code").GetString() == "PCF0406" && w.GetProperty("path").GetString()!.Contains("bracket", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calculate_SameFigureFromAFactorFile_IsNotPrimaryData()
    {
        // The contrast: the same 0.975045 kg CO2e per piece as an ordinary (secondary) factor leaves the primary-data share at 0.
        string factors = _files.Write("bracket-factor.json", """
            { "format": "pcf-factors/1", "dataset": { "id": "t", "version": "1", "publisher": "tests (invented)" },
              "factors": [ { "key": "urn:pact:product:bracket-400", "name": "bracket", "perUnit": "pc", "kind": "lifeCycle",
                             "components": [ { "gas": "CO2e", "amount": 0.975045 } ], "source": { "document": "invented" } } ] }
            """);
        string shelf = _files.Write("shelf.json", ShelfBuying("urn:pact:product:bracket-400", 4, "pc"));

        var (exit, output, error) = await RunAsync("calculate", shelf, "-f", factors, "-f", _files.Write("power.json", PowerFactors), "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4 * BracketPerPiece + 1, json.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 9);
        Assert.Equal(0, json.RootElement.GetProperty("primaryDataShare").GetDouble());
    }

    [Fact]
    public async Task Calculate_Pact23SupplierFootprint_IsPerKilogram()
    {
        // 2.3 has no piece: the bracket's 2.3 export is per kg (2.4376125 = 0.975045 / 0.4), so the shelf buys 4 × 0.4 = 1.6 kg.
        string footprint = await ExportBracketAsync("2.3");
        string shelf = _files.Write("shelf.json", ShelfBuying("urn:pact:product:bracket-400", 1.6, "kg"));

        var (exit, output, error) = await RunAsync("calculate", shelf, "--factors", footprint, "--factors", _files.Write("power.json", PowerFactors), "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        // 1.6 kg × 2.4376125 kg CO2e/kg = 3.90018, plus 1: 4.90018.
        Assert.Equal(1.6 * 2.4376125 + 1, json.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 9);
        Assert.Equal(1.6 * 2.4376125 / (1.6 * 2.4376125 + 1), json.RootElement.GetProperty("primaryDataShare").GetDouble(), 9);
    }

    [Fact]
    public async Task Calculate_KeyEqualsFile_FilesTheFootprintUnderThatKey()
    {
        string footprint = await ExportBracketAsync("3.0");
        string shelf = _files.Write("shelf.json", ShelfBuying("supplier/bracket", 4, "pc"));

        var (exit, output, error) = await RunAsync("calculate", shelf, "--factors", $"supplier/bracket={footprint}", "-f", _files.Write("power.json", PowerFactors));

        Assert.True(exit == 0, error);
        Assert.Contains("PCF excluding biogenic uptake: 4.90018 kg CO2e per 1 pc shelf", output, StringComparison.Ordinal);
        Assert.Contains("Primary-data share: 79.59 %", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_FootprintOfAnotherProduct_LeavesTheFactorUnresolved()
    {
        string footprint = await ExportBracketAsync("3.0");
        string shelf = _files.Write("shelf.json", ShelfBuying("urn:pact:product:other", 4, "pc"));

        var (exit, _, error) = await RunAsync("calculate", shelf, "--factors", footprint, "-f", _files.Write("power.json", PowerFactors));

        Assert.Equal(1, exit);
        Assert.Contains("PCF0401", error, StringComparison.Ordinal);
        Assert.Contains("urn:pact:product:other", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_InvalidPactFootprint_ReportsItsPaths()
    {
        string footprint = await ExportBracketAsync("3.0");
        string broken = _files.Write("broken.pact.json", File.ReadAllText(footprint).Replace("\"specVersion\": \"3.0.0\"", "\"specVersion\": \"3.0.0\", \"status\": \"Nope\"", StringComparison.Ordinal)
            .Replace("\"status\": \"Active\",", string.Empty, StringComparison.Ordinal));

        var (exit, _, error) = await RunAsync("calculate", _files.Write("shelf.json", ShelfBuying("urn:pact:product:bracket-400", 4, "pc")), "--factors", broken);

        Assert.Equal(1, exit);
        Assert.Contains("is not a valid PACT footprint file", error, StringComparison.Ordinal);
        Assert.Contains("broken.pact.json: $.status", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorsList_PactFootprint_ShowsTheSupplierFactor()
    {
        string footprint = await ExportBracketAsync("3.0");

        var (exit, output, error) = await RunAsync("factors", "list", "--dataset", "china-electricity-lifecycle-2023", "--factors", footprint);

        Assert.True(exit == 0, error);
        Assert.Contains("urn:pact:product:bracket-400", output, StringComparison.Ordinal);
        Assert.Contains("Example Steel", output, StringComparison.Ordinal);
    }

    private static string ShelfBuying(string key, double amount, string unit) => Shelf
        .Replace("BRACKET_KEY", key, StringComparison.Ordinal)
        .Replace("BRACKET_UNIT", unit, StringComparison.Ordinal)
        .Replace("BRACKET_AMOUNT", amount.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private async Task<string> ExportBracketAsync(string version)
    {
        string target = Path.Combine(_files.Folder, $"bracket-{version}.pact.json");
        var (exit, _, error) = await RunAsync("export", SteelBracket, "--pact", version, "--product", _files.Write("product.json", BracketMetadata), "--out", target);
        Assert.True(exit == 0, error);
        return target;
    }

    [Fact]
    public async Task CSharpRoute_SupplierFootprint_ServesABuyerInAnotherRegionAndYear_AndRecordsTheRule()
    {
        // The documented C# route: AddSupplierFootprints(file, key) before the defaults; the buyer (DE, 2025) gets the supplier's
        // footprint of the bracket (exported from the CN system) as it is, and the result says it was matched by key alone.
        string footprint = await ExportBracketAsync("3.0");
        var services = new ServiceCollection();
        services.AddPcfAccounting().AddSupplierFootprints(footprint, key: "supplier/bracket").AddFactorsFromJson(_files.Write("power.json", PowerFactors)).AddDefaultFactors();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        var system = ProductSystemJson.Read(ShelfBuying("supplier/bracket", 4, "pc")).ThrowIfInvalid();

        var result = (await calculator.CalculateAsync(system)).ThrowIfInvalid();

        // 4 pc × 0.82087 kg CO2e/pc = 3.28348, plus 2 kWh × 0.5 = 1: 4.28348 kg CO2e per shelf, 76.65 % primary.
        Assert.Equal(4 * BracketPerPiece + 1, result.TotalExcludingBiogenicUptake.Value, 9);
        Assert.Equal(4 * BracketPerPiece / (4 * BracketPerPiece + 1), result.PrimaryDataShare, 9);
        var factor = Assert.Single(result.Inventory.Factors, f => f.Request.Key == "supplier/bracket");
        var rule = Assert.IsType<KeyOnlyMatch>(Assert.Single(factor.Fallbacks));
        Assert.Equal(("DE", 2025), (rule.RequestedRegion, rule.RequestedYear));
        Assert.NotEqual("DE", rule.FactorRegion);
        Assert.True(factor.IsPrimaryData);
        // Not a representativeness fallback: the supplier's own product footprint is the best data wherever the buyer is.
        Assert.False(factor.IsLessRepresentative);
        Assert.Contains("matched by key alone", factor.Source, StringComparison.Ordinal);
    }
}
