using System.Text.Json;
using Parquet;
using Pcf.Accounting.Json;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary><c>pcf uncertainty</c> and <c>pcf calculate --monte-carlo</c>.</summary>
public sealed class CliUncertaintyTests : IDisposable
{
    // The chain of CliHarness with invented distributions: the power factor carries scores (widened by the pedigree matrix), an
    // input and the CH4 emission carry distributions.
    private static readonly string UncertainChain = ChainSystem
        .Replace("""{ "flow": "M", "amount": 2, "unit": "kg" }""", """{ "flow": "M", "amount": 2, "unit": "kg", "uncertainty": { "distribution": "normal", "spread": 0.05 } }""", StringComparison.Ordinal)
        .Replace("""{ "gas": "CH4-fossil", "amount": 0.1, "unit": "kg" }""", """{ "gas": "CH4-fossil", "amount": 0.1, "unit": "kg", "uncertainty": { "distribution": "uniform", "minimum": 0.5, "maximum": 1.5 } }""", StringComparison.Ordinal);

    private static readonly string ScoredPower = PowerFactors.Replace("""
              "source": { "document": "invented for the CLI tests" } }
        """, """
              "source": { "document": "invented for the CLI tests" },
              "dataQuality": { "technological": 2, "geographical": 3, "temporal": 2, "completeness": 2, "reliability": 3 } }
        """, StringComparison.Ordinal);

    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Uncertainty_Table_ShowsStatisticsHistogramAndContributions()
    {
        Assert.Contains("dataQuality", ScoredPower, StringComparison.Ordinal);
        var (exit, output, error) = await RunAsync("uncertainty", _files.Write("chain.json", UncertainChain), "-f", _files.Write("power.json", ScoredPower),
            "--iterations", "2000", "--seed", "42");

        Assert.True(exit == 0, error);
        Assert.Contains("chain: 9.46 kg CO2e per 1 kg P (stated amounts)", output, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo: 2,000 iterations, seed 42, mode technosphere, 3 uncertain input(s)", output, StringComparison.Ordinal);
        Assert.Contains("P97.5", output, StringComparison.Ordinal);
        Assert.Contains("Histogram of pcfExcludingBiogenicUptake", output, StringComparison.Ordinal);
        Assert.Contains("p2: CH4-fossil", output, StringComparison.Ordinal);
        Assert.Contains("(pedigree)", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Uncertainty_Json_IsAPcfResultWithItsStatistics_TheSameOnOneAndTwoThreads()
    {
        string system = _files.Write("chain.json", UncertainChain), factors = _files.Write("power.json", ScoredPower);
        var one = await RunAsync("uncertainty", system, "-f", factors, "--iterations", "1000", "--threads", "1", "--format", "json");
        var two = await RunAsync("uncertainty", system, "-f", factors, "--iterations", "1000", "--threads", "2", "--format", "json");

        Assert.True(one.Exit == 0, one.Error);
        Assert.Equal(one.Out, two.Out);
        var result = FootprintResultJson.Read(one.Out).ThrowIfInvalid();
        Assert.Equal(1000, result.Uncertainty!.Iterations);
        Assert.Equal(1, result.Uncertainty.Seed);
    }

    [Fact]
    public async Task Calculate_MonteCarlo_AddsTheStatistics_ToTheReportAndTheJson()
    {
        string system = _files.Write("chain.json", UncertainChain), factors = _files.Write("power.json", ScoredPower);
        var table = await RunAsync("calculate", system, "-f", factors, "--monte-carlo", "500", "--seed", "7");
        var json = await RunAsync("calculate", system, "-f", factors, "--monte-carlo", "500", "--seed", "7", "--format", "json");
        var plain = await RunAsync("calculate", system, "-f", factors, "--format", "json");

        Assert.True(table.Exit == 0, table.Error);
        Assert.Contains("PCF excluding biogenic uptake: 9.46 kg CO2e per 1 kg P", table.Out, StringComparison.Ordinal);
        Assert.Contains("Monte Carlo: 500 iterations, seed 7", table.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(500, document.RootElement.GetProperty("uncertainty").GetProperty("iterations").GetInt32());
        Assert.Equal(9.46, document.RootElement.GetProperty("pcfExcludingBiogenicUptake").GetDouble(), 1e-12);
        Assert.DoesNotContain("\"uncertainty\"", plain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uncertainty_Samples_AsCsvAndParquet_HoldEveryDraw()
    {
        string system = _files.Write("chain.json", UncertainChain), factors = _files.Write("power.json", ScoredPower);
        string csv = Path.Combine(_files.Folder, "draws.csv"), parquet = Path.Combine(_files.Folder, "draws.parquet");

        var a = await RunAsync("uncertainty", system, "-f", factors, "--iterations", "300", "--samples", csv);
        var b = await RunAsync("uncertainty", system, "-f", factors, "--iterations", "300", "--samples", parquet);

        Assert.True(a.Exit == 0 && b.Exit == 0, a.Error + b.Error);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(301, lines.Length);
        Assert.StartsWith("iteration,pcfExcludingBiogenicUptake,pcfIncludingBiogenicUptake,fossilGhgEmissions,", lines[0], StringComparison.Ordinal);
        await using var stream = File.OpenRead(parquet);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var field = reader.Schema.DataFields.Single(f => f.Name == "pcfExcludingBiogenicUptake");
        using var group = reader.OpenRowGroupReader(0);
        var values = new double[300];
        await group.ReadAsync<double>(field, values);
        Assert.Equal(double.Parse(lines[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), values[0]);
        Assert.Equal(double.Parse(lines[300].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture), values[299]);
    }

    [Fact]
    public async Task Uncertainty_Compare_PrintsTheProbabilityThatTheFirstIsLower()
    {
        string first = _files.Write("a.json", UncertainChain);
        string second = _files.Write("b.json", UncertainChain.Replace("\"amount\": 3, \"unit\": \"kWh\"", "\"amount\": 4, \"unit\": \"kWh\"", StringComparison.Ordinal));

        var (exit, output, error) = await RunAsync("uncertainty", first, "-f", _files.Write("power.json", ScoredPower), "--compare", second, "--iterations", "500");

        Assert.True(exit == 0, error);
        // B uses 1 kWh more with the same factor draws and the same other draws: A is lower in every iteration.
        Assert.Contains("P(A < B) = 1 over 500 paired iterations", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--iterations", "1", "--iterations")]
    [InlineData("--target-rse", "0", "--target-rse")]
    [InlineData("--samples", "draws.txt", "--samples")]
    public async Task Uncertainty_BadOptions_NameTheOption(string option, string value, string named)
    {
        var (exit, _, error) = await RunAsync("uncertainty", _files.Write("chain.json", UncertainChain), "-f", _files.Write("power.json", ScoredPower), option,
            option == "--samples" ? Path.Combine(_files.Folder, value) : value);

        Assert.NotEqual(0, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }
}
