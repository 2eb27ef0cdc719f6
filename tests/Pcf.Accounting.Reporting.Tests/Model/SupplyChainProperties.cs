using System.Globalization;
using System.Text;
using CsCheck;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Reporting.Model;
using Pcf.Accounting.Reporting.Tests.Html;
using Pcf.Accounting.Reporting.Tests.TestSupport;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Reporting.Tests.Model;

/// <summary>Laws of the supply chain and the page on random systems, loops included.</summary>
public sealed class SupplyChainProperties
{
    // Random systems: 2 to 9 processes, each making 1 kg of its product from up to three other products (0.01 to 0.3 kg each,
    // so every column of the technosphere matrix sums to less than one and the system is solvable, loops included), some
    // invented power and a direct CO2 emission.
    private static readonly Gen<(int Processes, int Seed)> Systems = Gen.Select(Gen.Int[2, 9], Gen.Int);

    [Fact]
    public void Build_RandomSystems_EveryNodeConservesAndTheProductGetsTheTotal()
    {
        int loops = 0;
        Systems.Sample((processes, seed) =>
        {
            var result = Calculate(processes, seed);
            foreach (double share in new[] { 0, 0.05 })
            {
                var chain = SupplyChainBuilder.Build(result, share, maximumNodes: 30)!;
                for (int i = 0; i < chain.Nodes.Length; i++)
                {
                    double inflow = chain.Links.Where(l => l.Target == i).Sum(l => l.Co2e);
                    double outflow = chain.Links.Where(l => l.Source == i).Sum(l => l.Co2e);
                    switch (chain.Nodes[i].Kind)
                    {
                        case SupplyNodeKind.Process or SupplyNodeKind.Loop:
                            Assert.Equal(outflow, inflow, 1e-9 * Math.Max(1, Math.Abs(outflow)));
                            break;
                        case SupplyNodeKind.Product:
                            Assert.Equal(result.TotalIncludingBiogenicUptake.Value, inflow, 1e-9 * Math.Abs(inflow));
                            break;
                        default:
                            Assert.Equal(0, inflow);
                            break;
                    }
                }

                Assert.All(chain.Nodes.Where(n => n.Kind == SupplyNodeKind.Loop), n => Assert.True(n.Members.Length >= 2));
                Interlocked.Add(ref loops, chain.Nodes.Count(n => n.Kind == SupplyNodeKind.Loop));
                Assert.All(chain.Links, l => Assert.True(double.IsFinite(l.Co2e) && l.Co2e != 0));
            }
        }, iter: 60);
        Assert.True(loops > 0, "the random systems had no loop"); // the law is meant to hold for loops too
    }

    [Fact]
    public void ToHtml_RandomSystems_IsSelfContainedWithFiniteNumbers() =>
        Systems.Sample((processes, seed) =>
        {
            string html = FootprintReport.ToHtml(Calculate(processes, seed));
            Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
            Assert.DoesNotContain("∞", html, StringComparison.Ordinal);
            HtmlReportTests.AssertSelfContained(html);
        }, iter: 30);

    private static FootprintResult Calculate(int processes, int seed)
    {
        var random = new Random(seed);
        string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var json = new StringBuilder();
        json.Append("""{ "format": "pcf-system/1", "name": "random", "referenceProduct": { "flow": "F0" }, "declaredUnit": { "amount": 1, "unit": "kg" }, "flows": [""");
        json.Append("""{ "id": "power", "name": "power", "unit": "kWh", "factorKey": "test/power" }""");
        for (int i = 0; i < processes; i++)
        {
            json.Append(CultureInfo.InvariantCulture, $$""", { "id": "F{{i}}", "name": "F{{i}}", "unit": "kg" }""");
        }

        json.Append("], \"processes\": [");
        for (int i = 0; i < processes; i++)
        {
            var inputs = new List<string> { $$"""{ "flow": "power", "amount": {{N(Math.Round(random.NextDouble() * 5, 3))}}, "unit": "kWh" }""" };
            foreach (int j in Enumerable.Range(0, processes).Where(j => j != i).OrderBy(_ => random.Next()).Take(random.Next(0, 4)))
            {
                inputs.Add($$"""{ "flow": "F{{j}}", "amount": {{N(0.01 + Math.Round(random.NextDouble() * 0.29, 3))}}, "unit": "kg" }""");
            }

            json.Append(CultureInfo.InvariantCulture, $$"""
                {{(i > 0 ? "," : string.Empty)}}{ "id": "p{{i}}", "name": "process {{i}}", "stage": "{{(i % 2 == 0 ? "production" : "rawMaterialAcquisition")}}",
                  "output": { "flow": "F{{i}}", "amount": 1, "unit": "kg" }, "inputs": [ {{string.Join(", ", inputs)}} ],
                  "emissions": [ { "gas": "CO2-fossil", "amount": {{N(Math.Round(random.NextDouble(), 3))}}, "unit": "kg" } ] }
                """);
        }

        json.Append("] }");
        var system = ProductSystemJson.Read(Encoding.UTF8.GetBytes(json.ToString()));
        Assert.True(system.IsValid, string.Join("; ", system.Problems) + "\n" + json);
        var factors = FactorJson.Read(Encoding.UTF8.GetBytes(Footprints.ChainFactors)).Value;
        var result = new FootprintCalculator(new FactorResolver([new InMemoryFactorProvider("power.json", factors)]))
            .CalculateAsync(system.Value).AsTask().GetAwaiter().GetResult();
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        return result.Value;
    }
}
