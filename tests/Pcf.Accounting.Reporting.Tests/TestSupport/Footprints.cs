using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Pcf.Accounting.Data;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Reporting.Tests.TestSupport;

/// <summary>Results the tests report on: every bundled sample (embedded default factors) and a hand-calculated chain.</summary>
internal static class Footprints
{
    private static readonly ConcurrentDictionary<string, Lazy<FootprintResult>> Cache = new();

    /// <summary>The bundled samples (samples/*.json), by file name without extension.</summary>
    public static IReadOnlyList<string> Samples { get; } =
        [.. Directory.GetFiles(Path.Combine(RepoRoot, "samples"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    /// <summary>The samples as xunit theory data.</summary>
    public static TheoryData<string> SampleData
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var s in Samples)
            {
                data.Add(s);
            }

            return data;
        }
    }

    /// <summary>The repository root (from the build).</summary>
    public static string RepoRoot =>
        typeof(Footprints).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The linear chain of the CLI tests: 9.46 kg CO2e per kg P with power at 0.5 kg CO2/kWh (invented factor), AR6.</summary>
    /// <remarks>p1 makes 1 kg P from 2 kg M and 3 kWh, emitting 1 kg CO2; p2 makes 1 kg M from 1 kWh, emitting 0.1 kg CH4-fossil.
    /// AR6 GWP100 of fossil CH4 is 29.8 (IPCC AR6 WG1 Table 7.15). Per kg M: 1 × 0.5 + 0.1 × 29.8 = 3.48; per kg P: 1 + 3 × 0.5 + 2 × 3.48 = 9.46.</remarks>
    public static FootprintResult Chain => Cache.GetOrAdd("chain", _ => new Lazy<FootprintResult>(() =>
    {
        var factors = FactorJson.Read(Encoding.UTF8.GetBytes(ChainFactors));
        Assert.True(factors.IsValid, string.Join("; ", factors.Problems));
        // Named as the CLI names a factor file's provider (its file name), so that `pcf report chain.json --factors power.json` gives the same report.
        return Calculate(ChainSystem, new InMemoryFactorProvider("power.json", factors.Value));
    })).Value;

    /// <summary>The result of a bundled sample with the embedded default factors, ISO 14067 and AR6 (calculated once).</summary>
    /// <param name="sample">The sample name, such as <c>steel-bracket</c>.</param>
    /// <returns>The result.</returns>
    public static FootprintResult Sample(string sample) => Cache.GetOrAdd(sample, name => new Lazy<FootprintResult>(() =>
        Calculate(File.ReadAllText(Path.Combine(RepoRoot, "samples", name + ".json")), DefaultFactors.Provider))).Value;

    private static FootprintResult Calculate(string json, IEmissionFactorProvider provider)
    {
        var system = ProductSystemJson.Read(Encoding.UTF8.GetBytes(json));
        Assert.True(system.IsValid, string.Join("; ", system.Problems));
        var calculator = new FootprintCalculator(new FactorResolver([provider]));
        var result = calculator.CalculateAsync(system.Value).AsTask().GetAwaiter().GetResult();
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        return result.Value;
    }

    public const string ChainSystem = """
        {
          "format": "pcf-system/1",
          "name": "chain",
          "referenceProduct": { "flow": "P" },
          "declaredUnit": { "amount": 1, "unit": "kg" },
          "flows": [
            { "id": "P", "name": "P", "unit": "kg" },
            { "id": "M", "name": "M", "unit": "kg" },
            { "id": "power", "name": "power", "unit": "kWh", "factorKey": "test/power" }
          ],
          "processes": [
            { "id": "p1", "name": "p1", "stage": "production", "output": { "flow": "P", "amount": 1, "unit": "kg" },
              "inputs": [ { "flow": "M", "amount": 2, "unit": "kg" }, { "flow": "power", "amount": 3, "unit": "kWh" } ],
              "emissions": [ { "gas": "CO2-fossil", "amount": 1, "unit": "kg" } ] },
            { "id": "p2", "name": "p2", "stage": "rawMaterialAcquisition", "output": { "flow": "M", "amount": 1, "unit": "kg" },
              "inputs": [ { "flow": "power", "amount": 1, "unit": "kWh" } ],
              "emissions": [ { "gas": "CH4-fossil", "amount": 0.1, "unit": "kg" } ] }
          ]
        }
        """;

    // Illustrative factor, INVENTED for these tests (not a published value): 0.5 kg CO2-fossil per kWh.
    public const string ChainFactors = """
        {
          "format": "pcf-factors/1",
          "dataset": { "id": "report-tests", "version": "1", "publisher": "Pcf.Accounting tests (invented values)" },
          "factors": [
            { "key": "test/power", "name": "power (invented)", "perUnit": "kWh", "kind": "lifeCycle",
              "components": [ { "gas": "CO2-fossil", "amount": 0.5 } ],
              "source": { "document": "invented for the report tests" } }
          ]
        }
        """;
}
