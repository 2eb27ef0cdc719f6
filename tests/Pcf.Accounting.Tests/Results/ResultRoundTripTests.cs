using System.Text;
using CsCheck;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Results;

/// <summary>A result is a value: written to pcf-result/1 and read back it is equal to the original, explanations included.</summary>
public sealed class ResultRoundTripTests
{
    private static readonly FactorProvenance Illustrative = new("test", "illustrative values (invented for the tests)") { Dataset = "test/round-trip", DatasetVersion = "1", Licence = "CC0-1.0" };

    // Factors that exercise every part of a factor: a region, year and unit fallback with per-gas components and scores (grid);
    // CO2e only in another GWP set (gas, a PCF0404 warning); a global factor for the supplies co-products displace (byproduct).
    private static readonly InMemoryFactorProvider Factors = new("round-trip", [
        new EmissionFactor("electricity/grid", "grid", Unit.MegawattHour, "CN", 2022,
            [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 550), FactorComponent.Emission(GreenhouseGas.Ch4Fossil, 0.02), FactorComponent.Emission(GreenhouseGas.N2O, 0.005)],
            Illustrative with { Kind = FactorKind.LifeCycle }) { DataQuality = new DataQuality(2, 1, 1, 2, 2), GwpBasis = GwpSet.Ar6 },
        new EmissionFactor("fuel/gas", "natural gas", Unit.Gigajoule, null, null, [FactorComponent.Co2e(66, CarbonOrigin.Fossil)], Illustrative with { Kind = FactorKind.CombustionOnly })
        {
            GwpBasis = GwpSet.Ar5,
        },
        new EmissionFactor("byproduct", "by-product", Unit.Kilogram, null, null, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 1.2)], Illustrative),
    ]);

    internal static FootprintResult Calculate(ProductSystem system) =>
        new FootprintCalculator(new FactorResolver([Factors])).CalculateAsync(system).AsTask().GetAwaiter().GetResult().ThrowIfInvalid();

    [Fact]
    public void WrittenAndReadBack_IsEqual_ExplanationsIncluded() =>
        Generators.RichSystem.Sample(system =>
        {
            var result = Calculate(system);
            string json = FootprintResultJson.Write(result);
            var back = FootprintResultJson.Read(json).ThrowIfInvalid();

            Assert.Equal(result, back);
            Assert.Equal(result.Explain(minimumShare: 0), back.Explain(minimumShare: 0));
            foreach (var gas in result.ByGas.Select(g => g.Gas).OfType<GreenhouseGas>())
            {
                Assert.Equal(result.ExplainGas(gas), back.ExplainGas(gas));
            }

            // Written again, the same bytes: nothing was lost or reordered.
            Assert.Equal(json, FootprintResultJson.Write(back));
        }, iter: 60);

    [Fact]
    public void WrittenWithTheExplanation_ReadsBack()
    {
        var result = Calculate(Generators.BuildRich(6, 42));
        string json = FootprintResultJson.Write(result, new FootprintResultJsonOptions { IncludeExplanation = true });
        var back = FootprintResultJson.Read(json).ThrowIfInvalid();
        Assert.Equal(result, back);
        Assert.Equal(json, FootprintResultJson.Write(back, new FootprintResultJsonOptions { IncludeExplanation = true }));
    }

    [Fact]
    public void Inventory_ViewsRecomputed_GiveTheStoredNumbers() =>
        Generators.RichSystem.Sample(system =>
        {
            // The standard views are a function of the inventory's records: rebuilt from the records alone (as a result read
            // back from a document holds them, with no solution behind them), they are the same bits as the calculation's,
            // which reads its solution without making the records.
            var result = Calculate(system);
            var records = new FootprintInventory(result.Inventory.Processes, result.Inventory.Factors, result.Inventory.Flows);
            var rebuilt = FootprintViews.Build(result.System, result.RuleSet, result.GwpSet, result.Demand, records, result.Allocations,
                result.Warnings.Where(w => w.Code == ProblemCodes.GwpBasisMismatch));
            Assert.Equal(result.TotalIncludingBiogenicUptake, rebuilt.TotalIncludingBiogenicUptake);
            Assert.Equal(result.Reported, rebuilt.Reported);
            Assert.Equal(result.ByProcess.ToArray(), rebuilt.ByProcess.ToArray());
            Assert.Equal(result.ByGas.ToArray(), rebuilt.ByGas.ToArray());
            Assert.Equal(result.ByStage.ToArray(), rebuilt.ByStage.ToArray());
            Assert.Equal(result.CutOff, rebuilt.CutOff);
            Assert.Equal(result.PrimaryDataShare, rebuilt.PrimaryDataShare);
            Assert.Equal(result.Warnings.Where(w => w.Code == ProblemCodes.NumberOutOfRange).ToArray(), rebuilt.Warnings.Where(w => w.Code == ProblemCodes.NumberOutOfRange).ToArray());
        }, iter: 30);

    [Fact]
    public void Lines_SumToTheTotal_ByProcessGasStageAndTag() =>
        Generators.RichSystem.Sample(system =>
        {
            var result = Calculate(system);
            double total = result.TotalIncludingBiogenicUptake.Value;
            double tolerance = 1e-9 * Math.Max(1, Math.Abs(total));
            Assert.Equal(total, result.ByProcess.Sum(p => p.Total.Value), tolerance);
            Assert.Equal(total, result.ByGas.Sum(g => g.Co2e.Value), tolerance);
            Assert.Equal(total, result.ByStage.Sum(s => s.Co2e.Value), tolerance);
            Assert.Equal(total, result.ByTagName("supplier").Sum(t => t.Co2e), tolerance);
        }, iter: 40);

    [Fact]
    public void Result_CarriesTheFallbacksLicencesAndHashes()
    {
        var result = Calculate(Generators.BuildRich(5, 7));
        var grid = Assert.Single(result.Inventory.Factors, f => f.Request.Key == "electricity/grid");
        // CN-JS 2023 per kWh → CN 2022 per MWh: two region steps (CN-JS → East grid → CN), one year back, kWh ← MWh ÷ 1000.
        Assert.Contains(grid.Fallbacks, f => f is RegionFallback { Requested: "CN-JS", Used: "CN" });
        Assert.Contains(grid.Fallbacks, f => f is YearFallback { Requested: 2023, Used: 2022 });
        Assert.Contains(grid.Fallbacks, f => f is UnitConversion { Factor: 0.001 });
        Assert.Equal(["CC0-1.0"], result.Licences.ToArray());
        var set = Assert.Single(result.FactorSets);
        Assert.Equal("test/round-trip", set.Name);
        Assert.Matches("^sha256:[0-9a-f]{64}$", set.Hash);
        Assert.Matches("^sha256:[0-9a-f]{64}$", result.System.ContentHash);
    }

    [Fact]
    public void ContentHash_IgnoresOrder_SeesEveryValue()
    {
        var system = Generators.BuildRich(6, 11);
        Assert.Equal(system.ContentHash, Rebuild(system, reverse: true, bump: false).ContentHash);
        Assert.Equal(system.ContentHash, ProductSystemJson.Read(ProductSystemJson.Write(system)).ThrowIfInvalid().ContentHash);

        // One amount changed in its last bit changes the hash.
        Assert.NotEqual(system.ContentHash, Rebuild(system, reverse: false, bump: true).ContentHash);
    }

    // The same system built anew: flows and processes in reverse order, or the first output's amount one ulp larger.
    private static ProductSystem Rebuild(ProductSystem system, bool reverse, bool bump)
    {
        var builder = new ProductSystemBuilder(system.Name).InRegion(system.Region).ForYear(system.ReferenceYear);
        foreach (var flow in reverse ? system.Flows.Reverse() : system.Flows)
        {
            builder.AddFlow(flow);
        }

        var first = system.Processes[0];
        foreach (var process in reverse ? system.Processes.Reverse() : system.Processes)
        {
            builder.AddProcess(process.Id, process.Name, p =>
            {
                var output = bump && process == first
                    ? process.ReferenceOutput with { Amount = Quantity.Of(Math.BitIncrement(process.ReferenceOutput.Amount.Value), process.ReferenceOutput.Amount.Unit) }
                    : process.ReferenceOutput;
                p.Produces(output).InStage(process.Stage).AsPrimaryData(process.IsPrimaryData).AllocatedBy(process.Allocation).Tagged([.. process.Tags]);
                foreach (var c in process.CoProducts)
                {
                    p.CoProduces(c);
                }

                foreach (var i in reverse ? process.Inputs.Reverse() : process.Inputs)
                {
                    p.Consumes(i.Flow, i.Amount, i.Supply);
                }

                foreach (var e in reverse ? process.Emissions.Reverse() : process.Emissions)
                {
                    p.Emits(e);
                }
            });
        }

        return builder.WithReferenceProduct(system.ReferenceProduct).WithDeclaredUnit(system.DeclaredUnit).Build();
    }

    [Fact]
    public async Task FactorSetHash_ChangesWhenAFactorValueChanges()
    {
        var system = Generators.BuildRich(4, 3);
        var a = Calculate(system);
        var changedFactors = new InMemoryFactorProvider("round-trip", Factors.Catalog.Factors.Select(f => f.Key == "electricity/grid"
            ? f with { Components = [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 551), .. f.Components.Skip(1)] }
            : f));
        var b = (await new FootprintCalculator(new FactorResolver([changedFactors])).CalculateAsync(system)).ThrowIfInvalid();
        Assert.Equal(a.System.ContentHash, b.System.ContentHash);
        Assert.NotEqual(a.FactorSets[0].Hash, b.FactorSets[0].Hash);
    }

    [Fact]
    public void Read_AnOlderResultWithoutInventory_SaysToRecalculate()
    {
        var json = FootprintResultJson.Write(Calculate(Generators.BuildRich(3, 1)));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var member in doc.RootElement.EnumerateObject().Where(m => m.Name is not ("inventory" or "product" or "views" or "factorSets" or "licences" or "derivations")))
            {
                member.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        var read = FootprintResultJson.Read(stream.ToArray());
        var problem = Assert.Single(read.Problems);
        Assert.Equal("$.inventory", problem.Path);
        Assert.Equal(ProblemCodes.UnsupportedFormat, problem.Code);
        Assert.Contains("Recalculate it from its product system", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ALaterFormat_IsRefused()
    {
        var read = FootprintResultJson.Read("""{ "format": "pcf-result/2" }""");
        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.format", ProblemCodes.UnsupportedFormat), (problem.Path, problem.Code));
    }

    [Fact]
    public void Read_ABrokenInventory_NamesThePaths()
    {
        var json = FootprintResultJson.Write(Calculate(Generators.BuildRich(3, 5)));
        json = json.Replace("\"footprintPerUnit\":", "\"footprintPerUnitt\":", StringComparison.Ordinal);
        var read = FootprintResultJson.Read(Encoding.UTF8.GetBytes(json));
        Assert.False(read.IsValid);
        Assert.Contains(read.Problems, p => p.Code == ProblemCodes.UnknownMember && p.Path.StartsWith("$.inventory.processes[", StringComparison.Ordinal) && p.Path.EndsWith(".footprintPerUnitt", StringComparison.Ordinal));
        Assert.Contains(read.Problems, p => p.Code == ProblemCodes.Required && p.Path.EndsWith(".footprintPerUnit", StringComparison.Ordinal));
    }
}
