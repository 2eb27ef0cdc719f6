using System.Text.Json;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

public sealed class CliCalculateTests : IDisposable
{
    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Calculate_Table_ShowsTotalsBreakdownsAndChart()
    {
        var (exit, output, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "--factors", _files.Write("power.json", PowerFactors));

        Assert.True(exit == 0, error);
        // 1 + 3 × 0.5 + 2 × (0.5 + 0.1 × 29.8) = 9.46 kg CO2e (HandCalculatedTests.LinearChain).
        Assert.Contains("PCF excluding biogenic uptake: 9.46 kg CO2e per 1 kg P", output, StringComparison.Ordinal);
        Assert.Contains("PCF including biogenic uptake: 9.46 kg CO2e", output, StringComparison.Ordinal);
        Assert.Contains("fossilGhgEmissions", output, StringComparison.Ordinal);
        Assert.Contains("rawMaterialAcquisition", output, StringComparison.Ordinal);
        Assert.Contains("CH4-fossil", output, StringComparison.Ordinal);
        Assert.Contains("Top processes", output, StringComparison.Ordinal);
        Assert.Contains("Primary-data share", output, StringComparison.Ordinal);
        Assert.Contains("invented for the CLI tests", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Calculate_Json_WritesOnlyThePcfResultDocument()
    {
        var (exit, output, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--format", "json", "--gwp", "AR6");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("pcf-result/1", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(9.46, json.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 1e-12);
        Assert.False(json.RootElement.TryGetProperty("explanation", out _));
    }

    [Fact]
    public async Task Calculate_JsonExplain_IncludesTheTree()
    {
        var (exit, output, _) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--format", "json", "--explain");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("demand", json.RootElement.GetProperty("explanation").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Calculate_InteractiveTerminal_ShowsEachStepOnTheProgressConsole()
    {
        var (exit, output, error, progress) = await RunWithProgressAsync(interactive: true, "calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors));

        Assert.True(exit == 0, error);
        Assert.Contains("Reading ", progress, StringComparison.Ordinal);
        Assert.Contains("chain.json", progress, StringComparison.Ordinal);
        Assert.Contains("Reading 1 factor file", progress, StringComparison.Ordinal);
        Assert.Contains("Compiling and factorizing 2 processes", progress, StringComparison.Ordinal);
        Assert.Contains("Resolving 1 emission factor", progress, StringComparison.Ordinal);
        Assert.Contains("Computing the footprint", progress, StringComparison.Ordinal);
        Assert.Contains("Rendering the report", progress, StringComparison.Ordinal);
        // The report goes to the output, the progress never does.
        Assert.Contains("PCF excluding biogenic uptake: 9.46 kg CO2e per 1 kg P", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Compiling", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_JsonOnAnInteractiveTerminal_OutputIsOnlyTheDocument()
    {
        var (exit, output, error, progress) = await RunWithProgressAsync(interactive: true, "calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains("Writing pcf-result/1 JSON", progress, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output); // nothing but the document
        Assert.Equal(9.46, json.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 1e-12);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Calculate_NotATerminal_ShowsNoProgress()
    {
        var (exit, output, _, progress) = await RunWithProgressAsync(interactive: false, "calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors));

        Assert.Equal(0, exit);
        Assert.Empty(progress);
        Assert.Contains("PCF excluding biogenic uptake: 9.46", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_FailureOnAnInteractiveTerminal_ClearsTheProgressAndReportsTheProblem()
    {
        var (exit, output, error, progress) = await RunWithProgressAsync(interactive: true, "calculate", _files.Write("chain.json", ChainSystem));

        Assert.Equal(1, exit);
        Assert.Contains("Resolving 1 emission factor", progress, StringComparison.Ordinal);
        Assert.Contains("PCF0401", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Explain_InteractiveTerminal_ShowsItsSteps()
    {
        var (exit, output, error, progress) = await RunWithProgressAsync(interactive: true, "explain", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors));

        Assert.True(exit == 0, error);
        Assert.Contains("Compiling and factorizing 2 processes", progress, StringComparison.Ordinal);
        Assert.Contains("Explaining", progress, StringComparison.Ordinal);
        Assert.Contains("Rendering the explanation", progress, StringComparison.Ordinal);
        Assert.Contains("9.46 kg CO2e", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Explaining", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InteractiveTerminal_ShowsItsStepsAndWritesOnlyTheDocument()
    {
        string meta = _files.Write("product.json", """
            { "companyName": "Example Co", "companyIds": ["urn:pact:company:example"], "productIds": ["urn:pact:product:p"],
              "productNameCompany": "P", "productDescription": "Test product P",
              "carbonContent": { "fossil": { "amount": 0, "unit": "kg" }, "biogenic": { "amount": 0, "unit": "kg" } } }
            """);
        string system = _files.Write("chain.json", ChainSystem.Replace("\"name\": \"chain\",", "\"name\": \"chain\", \"referenceYear\": 2024,", StringComparison.Ordinal));

        var (exit, output, error, progress) = await RunWithProgressAsync(interactive: true, "export", system, "--product", meta, "-f", _files.Write("power.json", PowerFactors));

        Assert.True(exit == 0, error);
        Assert.Contains("Compiling and factorizing 2 processes", progress, StringComparison.Ordinal);
        Assert.Contains("Exporting PACT 3.0", progress, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("3.0.0", json.RootElement.GetProperty("specVersion").GetString());
    }

    [Fact]
    public async Task Calculate_MalformedJson_ExitsOneWithPathAndCode()
    {
        string file = _files.Write("broken.json", "{ \"format\": \"pcf-system/1\", \"name\": ");

        var (exit, output, error) = await RunAsync("calculate", file);

        Assert.Equal(1, exit);
        Assert.Contains("broken.json: $", error, StringComparison.Ordinal);
        Assert.Contains("PCF0001", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Calculate_MissingFile_NamesIt()
    {
        string missing = Path.Combine(_files.Folder, "nowhere.json");

        var (exit, _, error) = await RunAsync("calculate", missing);

        Assert.Equal(1, exit);
        Assert.Contains($"'{missing}' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_FolderAsSystem_SaysItIsAFolder()
    {
        var (exit, _, error) = await RunAsync("calculate", _files.Folder);

        Assert.Equal(1, exit);
        Assert.Contains($"pcf: '{_files.Folder}' is a folder, not a file.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_FolderAsFactorFile_SaysItIsAFolder()
    {
        var (exit, _, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "--factors", _files.Folder);

        Assert.Equal(1, exit);
        Assert.Contains($"'{_files.Folder}' is a folder, not a file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_MissingFactorFile_NamesIt()
    {
        var (exit, _, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "--factors", "no-such-factors.csv");

        Assert.Equal(1, exit);
        Assert.Contains("'no-such-factors.csv' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_UnresolvedFactor_ListsTheKey()
    {
        // No factor file: the embedded data have no "test/power".
        var (exit, _, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem));

        Assert.Equal(1, exit);
        Assert.Contains("PCF0401", error, StringComparison.Ordinal);
        Assert.Contains("test/power", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_UnknownFactorKey_NamesTheFlowAndTheInputsThatNeedIt()
    {
        // "power" asks for a key no provider has; p1 and p2 both buy power.
        string system = ChainSystem.Replace("\"factorKey\": \"test/power\"", "\"factorKey\": \"test/no-such-power\"", StringComparison.Ordinal);

        var (exit, output, error) = await RunAsync("calculate", _files.Write("unknown-key.json", system), "-f", _files.Write("power.json", PowerFactors));

        Assert.Equal(1, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n'), l => l.Contains("PCF0401", StringComparison.Ordinal));
        Assert.StartsWith("  ", line, StringComparison.Ordinal);
        Assert.Contains("unknown-key.json: test/no-such-power (GLO, latest) per kWh  PCF0401  No emission factor for 'test/no-such-power'", line, StringComparison.Ordinal);
        Assert.Contains("Needed by $.processes[0].inputs[1], $.processes[1].inputs[0], through $.flows[2] (factorKey 'test/no-such-power').", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_UnknownFactorOfAnExplicitSupply_NamesTheInputOnly()
    {
        string system = ChainSystem.Replace("{ \"flow\": \"power\", \"amount\": 1, \"unit\": \"kWh\" }", "{ \"flow\": \"power\", \"amount\": 1, \"unit\": \"kWh\", \"from\": { \"factor\": \"test/other-power\", \"region\": \"CN\" } }", StringComparison.Ordinal);

        var (exit, _, error) = await RunAsync("calculate", _files.Write("explicit.json", system), "-f", _files.Write("power.json", PowerFactors));

        Assert.Equal(1, exit);
        Assert.Contains("test/other-power (CN, latest) per kWh  PCF0401", error, StringComparison.Ordinal);
        Assert.Contains("Needed by $.processes[1].inputs[0].", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_FactorOfTheWrongDimension_NamesTheInputs()
    {
        // The factor is per kWh, but the flow is now measured in kg: a factor is never converted across dimensions.
        string system = ChainSystem.Replace("{ \"id\": \"power\", \"name\": \"power\", \"unit\": \"kWh\"", "{ \"id\": \"power\", \"name\": \"power\", \"unit\": \"kg\"", StringComparison.Ordinal)
            .Replace("\"unit\": \"kWh\" }", "\"unit\": \"kg\" }", StringComparison.Ordinal);

        var (exit, _, error) = await RunAsync("calculate", _files.Write("kg-power.json", system), "-f", _files.Write("power.json", PowerFactors));

        Assert.Equal(1, exit);
        Assert.Contains("PCF0402", error, StringComparison.Ordinal);
        Assert.Contains("Needed by $.processes[0].inputs[1], $.processes[1].inputs[0], through $.flows[2] (factorKey 'test/power').", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_InputInKgForAKwhFlow_NamesThePath()
    {
        string wrong = ChainSystem.Replace("{ \"flow\": \"power\", \"amount\": 3, \"unit\": \"kWh\" }", "{ \"flow\": \"power\", \"amount\": 3, \"unit\": \"kg\" }", StringComparison.Ordinal);

        var (exit, _, error) = await RunAsync("calculate", _files.Write("wrong-unit.json", wrong), "-f", _files.Write("power.json", PowerFactors));

        Assert.Equal(1, exit);
        Assert.Contains("$.processes[0].inputs[1]", error, StringComparison.Ordinal);
        Assert.Contains("PCF0103", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_InvalidFactorFile_NamesFileAndPath()
    {
        string factors = _files.Write("bad-factors.json", PowerFactors.Replace("\"perUnit\": \"kWh\"", "\"perUnit\": \"kWhh\"", StringComparison.Ordinal));

        var (exit, _, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "-f", factors);

        Assert.Equal(1, exit);
        Assert.Contains("bad-factors.json: $.factors[0].perUnit", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_UnknownGwpSet_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("calculate", "x.json", "--gwp", "AR9");

        Assert.Equal(2, exit);
        Assert.Contains("AR9", error, StringComparison.Ordinal);
    }
}
