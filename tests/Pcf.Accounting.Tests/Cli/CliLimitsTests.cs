using System.Globalization;
using System.Text;
using Pcf.Accounting.Cli.Rendering;
using static Pcf.Accounting.Tests.Cli.CliHarness;

namespace Pcf.Accounting.Tests.Cli;

/// <summary><c>pcf explain</c> at any depth, on loops and deep chains, at 80 columns; overflow and near-singular loops told as what they
/// are. Sizes are counted in characters and lines, never timed.</summary>
public sealed class CliLimitsTests : IDisposable
{
    private readonly CliHarness _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A loop of three processes, each consuming <paramref name="gain"/> kg of the next per kg made and emitting 1 kg CO2-fossil.</summary>
    private static string Loop(string gain) => $$"""
        { "format": "pcf-system/1", "name": "loop3", "referenceProduct": { "flow": "A" }, "declaredUnit": { "amount": 1, "unit": "kg" },
          "flows": [ { "id": "A", "name": "A", "unit": "kg" }, { "id": "B", "name": "B", "unit": "kg" }, { "id": "C", "name": "C", "unit": "kg" } ],
          "processes": [
            { "id": "pa", "name": "pa", "stage": "production", "output": { "flow": "A", "amount": 1, "unit": "kg" },
              "inputs": [ { "flow": "B", "amount": 1, "unit": "kg" } ], "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg" } ] },
            { "id": "pb", "name": "pb", "stage": "production", "output": { "flow": "B", "amount": 1, "unit": "kg" },
              "inputs": [ { "flow": "C", "amount": 1, "unit": "kg" } ], "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg" } ] },
            { "id": "pc", "name": "pc", "stage": "production", "output": { "flow": "C", "amount": 1, "unit": "kg" },
              "inputs": [ { "flow": "A", "amount": {{gain}}, "unit": "kg" } ], "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg" } ] } ] }
        """;

    /// <summary>A chain c0 ← c1 ← ... of <paramref name="length"/> processes, each consuming <paramref name="amount"/> kg of the next per kg
    /// and emitting <paramref name="emission"/> kg CO2-fossil (the last one <paramref name="lastEmission"/>).</summary>
    private static string Chain(int length, string amount = "1", string emission = "1", string? lastEmission = null)
    {
        var json = new StringBuilder("""{ "format": "pcf-system/1", "name": "chain", "referenceProduct": { "flow": "F0" }, "declaredUnit": { "amount": 1, "unit": "kg" }, "flows": [""");
        for (int i = 0; i < length; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{{(i == 0 ? "" : ",")}}{ "id": "F{{i}}", "name": "F{{i}}", "unit": "kg" }""");
        }

        json.Append("""], "processes": [""");
        for (int i = 0; i < length; i++)
        {
            string inputs = i + 1 < length ? $$""", "inputs": [ { "flow": "F{{i + 1}}", "amount": {{amount}}, "unit": "kg" } ]""" : string.Empty;
            json.Append(CultureInfo.InvariantCulture, $$"""{{(i == 0 ? "" : ",")}}{ "id": "c{{i}}", "name": "c{{i}}", "stage": "production", "output": { "flow": "F{{i}}", "amount": 1, "unit": "kg" }{{inputs}}, "emissions": [ { "gas": "CO2-fossil", "amount": {{(i + 1 == length ? lastEmission ?? emission : emission)}}, "unit": "kg" } ] }""");
        }

        return json.Append("]}").ToString();
    }

    [Fact]
    public async Task Explain_ThreeProcessLoop_TheSameOutputAtDepth5And20000()
    {
        string system = _files.Write("loop.json", Loop("0.5"));

        var (exit5, out5, error5) = await RunAtWidthAsync(80, "explain", system, "--depth", "5", "--min-share", "0");
        var (exit20k, out20k, error20k) = await RunAtWidthAsync(80, "explain", system, "--depth", "20000", "--min-share", "0");

        Assert.True(exit5 == 0, error5);
        Assert.True(exit20k == 0, error20k);
        Assert.Equal(out5, out20k);
        // λA = 1 + λB, λB = 1 + λC, λC = 1 + 0.5 λA: λA = 3 + 0.5 λA = 6 kg CO2e/kg; the loop back to pa is 0.5 kg A × 6 = 3 kg CO2e.
        Assert.StartsWith("1 kg A  6 kg CO2e", out5, StringComparison.Ordinal);
        Assert.Contains("A from 'pa'  3 kg CO2e", out5, StringComparison.Ordinal);
        Assert.Contains("a loop back to 'pa'", out5.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_DeepChain_At80Columns_ContinuesDeepBranchesInNumberedTrees_AndStaysLinear()
    {
        // 300 processes, each 1 kg CO2-fossil: 300 kg CO2e. Explained whole (depth 1,000), it shows 599 nodes (the root, then an
        // emission and a link under each but the last).
        var (exit, output, error) = await RunAtWidthAsync(80, "explain", _files.Write("chain.json", Chain(300)), "--depth", "1000", "--min-share", "0");

        Assert.True(exit == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        // No line is indented past the nesting drawn (4 columns a level), so the output grows with the nodes, not with their depth.
        int deepest = lines.Max(l => l.Length - l.TrimStart(' ', '│', '├', '└', '─').Length);
        Assert.True(deepest <= 4 * (ExplanationRenderer.MaximumNesting + 1), $"indented {deepest} columns");
        Assert.Contains("F9 from 'c9'  291 kg CO2e  (see [1])", output, StringComparison.Ordinal);
        Assert.Contains("\n[1] F9 from 'c9'  291 kg CO2e\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // Every emission line is shown once: 300 of them.
        Assert.Equal(300, lines.Count(l => l.Contains("CO2-fossil Emission of 'c", StringComparison.Ordinal)));
        Assert.True(output.Length < 599 * 300, $"{output.Length} characters for 599 nodes");
    }

    [Fact]
    public async Task Calculate_Overflow_SaysItOverflows_AndNamesTheProcesses_NeverSingularOrABlock()
    {
        // Twelve processes, each consuming 10^30 kg of the next; the last emits 10^30 kg: c11 runs 10^330 times, beyond a double.
        var (exit, _, error) = await RunAsync("calculate", _files.Write("overflow.json", Chain(12, amount: "1e30", lastEmission: "1e30")));

        Assert.Equal(1, exit);
        Assert.Contains("PCF0502  The result overflows: the runs or footprints of processes 'c0', 'c1', 'c11' pass the largest number a double holds (about 1.8E+308).", error, StringComparison.Ordinal);
        Assert.Contains("the system is not singular: its condition estimate is ≈ ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("singular (", error, StringComparison.Ordinal);
        Assert.DoesNotContain("block", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("∞", error, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_Overflow_FailsAsCalculateDoes()
    {
        var (exit, output, error) = await RunAsync("explain", _files.Write("overflow.json", Chain(12, amount: "1e30", lastEmission: "1e30")));

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("The result overflows", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calculate_LoopWithinE14OfOne_IsSolved_WithAWarningGivingTheConditionEstimate()
    {
        // Gain g = 0.99999999999999 (1 − g = 9.992e-15 exactly in binary): λA = 3 / (1 − g), about 3.0024 × 10^14 kg CO2e.
        double g = 0.99999999999999;
        double expected = 3 / (1 - g);
        string system = _files.Write("near1.json", Loop("0.99999999999999"));

        var (exit, output, error) = await RunAsync("calculate", system, "--format", "csv");
        var (_, table, _) = await RunAsync("calculate", system);

        Assert.True(exit == 0, error);
        var total = output.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("total,pcfExcludingBiogenicUptake,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(expected, double.Parse(total[8], CultureInfo.InvariantCulture), expected * 1e-9);
        string warnings = table.ReplaceLineEndings(" ");
        Assert.Contains("PCF0505", warnings, StringComparison.Ordinal);
        Assert.Contains("Processes 'pa', 'pb', 'pc' form a loop that nearly makes no net output (condition estimate ≈ 6E+14)", warnings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FactorsList_At80Columns_NeverSplitsAKey()
    {
        // Before: redirected at 80 columns, the table squeezed the key column and split keys mid-word.
        string dataset = Pcf.Accounting.Data.DefaultFactors.Datasets[0];
        var keys = Pcf.Accounting.Data.DefaultFactors.ReadDataset(dataset).Factors.Select(f => f.Key).Distinct().ToList();

        var (exit, output, error) = await RunAtWidthAsync(80, "factors", "list", "--dataset", dataset);

        Assert.True(exit == 0, error);
        var lines = output.ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        Assert.All(keys, key => Assert.Contains(key, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calculate_At80Columns_NeverSplitsAFactorKey()
    {
        var (exit, output, error) = await RunAtWidthAsync(80, "calculate", Path.Combine(TestSupport.Paths.RepoRoot, "samples", "steel-bracket.json"));

        Assert.True(exit == 0, error);
        Assert.All(output.ReplaceLineEndings("\n").Split('\n'), l => Assert.True(l.Length <= 80, l));
        foreach (string key in new[] { "fuel-upstream/coking-coal", "fuel/coal-industrial", "electricity/grid", "fuel/natural-gas" })
        {
            Assert.Contains(key, output, StringComparison.Ordinal);
        }
    }
}
