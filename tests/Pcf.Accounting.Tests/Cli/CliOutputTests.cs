using System.Text.Json;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary><c>calculate --format csv</c>, <c>--out</c> (written whole or not at all) and <c>--verbose</c> (logs, traces and metrics on
/// standard error, never on standard output).</summary>
public sealed class CliOutputTests : IDisposable
{
    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Calculate_Csv_WritesTheTotalsAndContributionTables()
    {
        var (exit, output, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--format", "csv");

        Assert.True(exit == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("view,item,name,stage,mass_kg,amount,unit,kg_co2e_per_unit,kg_co2e,share,primary_data,fallbacks,source", lines[0]);
        // 1 + 3 × 0.5 + 2 × (0.5 + 0.1 × 29.8) = 9.46 kg CO2e; p2 = 2 runs × (0.5 + 2.98) = 6.96 (HandCalculatedTests.LinearChain).
        var total = lines.Single(l => l.StartsWith("total,pcfExcludingBiogenicUptake,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(9.46, double.Parse(total[8], System.Globalization.CultureInfo.InvariantCulture), 1e-12);
        var p2 = lines.Single(l => l.StartsWith("process,p2,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(6.96, double.Parse(p2[8], System.Globalization.CultureInfo.InvariantCulture), 1e-12);
        Assert.Contains(lines, l => l.StartsWith("gas,CH4-fossil,", StringComparison.Ordinal));
        Assert.Empty(error);
    }

    [Fact]
    public async Task Calculate_Out_WritesTheDocumentToTheFile_AndNothingToStandardOutput()
    {
        string target = Path.Combine(_files.Folder, "result.json");
        var (exit, output, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--format", "json", "--out", target);

        Assert.True(exit == 0, error);
        Assert.Empty(output);
        Assert.Contains("Wrote ", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllBytes(target));
        Assert.Equal(9.46, json.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 1e-12);
        // No temporary file is left beside it.
        Assert.Equal(["chain.json", "power.json", "result.json"], Directory.EnumerateFiles(_files.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The file is written as the result is rendered: the bytes standard output gets, with the same closing line break.
        var toOutput = await RunAsync("calculate", Path.Combine(_files.Folder, "chain.json"), "-f", Path.Combine(_files.Folder, "power.json"), "--format", "json");
        Assert.True(toOutput.Exit == 0, toOutput.Error);
        Assert.Equal(toOutput.Out, File.ReadAllText(target));
        Assert.EndsWith("}\n", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_OutOnFailure_LeavesTheOldFileUntouched()
    {
        string target = _files.Write("result.csv", "the previous contents\n");
        // The factor file lacks the power factor: the calculation fails, nothing is written.
        var (exit, _, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "--format", "csv", "--out", target);

        Assert.NotEqual(0, exit);
        Assert.Contains("power", error, StringComparison.Ordinal);
        Assert.Equal("the previous contents\n", File.ReadAllText(target));
        Assert.Equal(2, Directory.EnumerateFiles(_files.Folder).Count());
    }

    [Fact]
    public async Task Calculate_OutWithTheTableFormat_IsAUsageError()
    {
        var (exit, _, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "--out", Path.Combine(_files.Folder, "x.txt"));

        Assert.Equal(2, exit);
        Assert.Contains("--format json or --format csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_WritesLogsTracesAndMetricsToStandardError()
    {
        var (exit, output, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--format", "json", "--verbose");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output); // standard output holds the document alone
        Assert.Contains("info: FootprintCalculator: Calculated 'chain': ", error, StringComparison.Ordinal);
        Assert.Contains("debug: FactorResolver: Provider '", error, StringComparison.Ordinal);
        Assert.Contains("factor request(s) in ", error, StringComparison.Ordinal);
        Assert.Contains("trace: pcf.calculate ", error, StringComparison.Ordinal);
        Assert.Contains("pcf.system=chain", error, StringComparison.Ordinal);
        Assert.Contains("trace: pcf.factors.provider ", error, StringComparison.Ordinal);
        Assert.Contains("metric: pcf.calculations 1 {calculation} pcf.outcome=valid", error, StringComparison.Ordinal);
        Assert.Contains("metric: pcf.calculation.duration ", error, StringComparison.Ordinal);
        Assert.Contains("metric: pcf.factor.lookups 1 {request} pcf.provider=power.json pcf.status=found", error, StringComparison.Ordinal);
        Assert.Contains("metric: pcf.provider.duration ", error, StringComparison.Ordinal);
        Assert.Contains(" s pcf.provider=power.json pcf.outcome=answered", error, StringComparison.Ordinal);
        // Power is used by p1 and p2 and looked up once: one request shared.
        Assert.Contains("metric: pcf.factor.requests.shared 1 {request}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutVerbose_StandardErrorIsEmpty()
    {
        var (exit, _, error) = await RunAsync("calculate", _files.Write("chain.json", ChainSystem), "-f", _files.Write("power.json", PowerFactors), "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(error);
    }
}
