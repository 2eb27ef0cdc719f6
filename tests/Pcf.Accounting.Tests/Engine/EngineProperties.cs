using System.Text.Json.Nodes;
using CsCheck;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Engine;

/// <summary>The laws of the calculation, checked on random acyclic and cyclic systems (CsCheck).</summary>
public sealed class EngineProperties
{
    // Illustrative background factor for the generated systems (invented for the tests).
    private static readonly Dictionary<string, (GreenhouseGas, double)[]> Power = TestSupport.Engine.Co2(("electricity/grid", 0.6));

    private static readonly Gen<ProductSystem> AnySystem = Gen.OneOf(Generators.AcyclicSystem, Generators.CyclicSystem);

    private static FootprintResult Calculate(ProductSystem system, Demand? demand = null) => TestSupport.Engine.Calculate(system, Power, demand: demand);

    private static bool Close(double expected, double actual, double relative = 1e-12) =>
        Math.Abs(expected - actual) <= relative * Math.Max(1e-9, Math.Abs(expected));

    [Fact]
    public void Linearity_ScalingTheDemandScalesEveryNumber()
    {
        Gen.Select(AnySystem, Gen.Double[0.001, 1000]).Sample((system, k) =>
        {
            var one = Calculate(system);
            var scaled = Calculate(system, new Demand(system.ReferenceProduct, system.DeclaredUnit * k));
            return Close(k * one.TotalIncludingBiogenicUptake.Value, scaled.TotalIncludingBiogenicUptake.Value)
                && Close(k * one.Reported.FossilGhgEmissions.Value, scaled.Reported.FossilGhgEmissions.Value)
                && one.ByProcess.All(p => Close(k * p.Total.Value, scaled.ByProcess.Single(q => q.Process == p.Process).Total.Value))
                && one.ByGas.All(g => Close(k * g.Mass.Value, scaled.ByGas.Single(h => h.Gas == g.Gas).Mass.Value));
        }, iter: 60);
    }

    [Fact]
    public void Reordering_ProcessesAndExchanges_ChangesNoBit()
    {
        Gen.Select(AnySystem, Gen.Int).Sample((system, seed) =>
        {
            var shuffled = Shuffle(system, seed);
            var a = Calculate(system);
            var b = Calculate(shuffled);
            return Bits(a.TotalIncludingBiogenicUptake.Value) == Bits(b.TotalIncludingBiogenicUptake.Value)
                && Bits(a.Reported.FossilGhgEmissions.Value) == Bits(b.Reported.FossilGhgEmissions.Value)
                && Bits(a.PrimaryDataShare) == Bits(b.PrimaryDataShare)
                && a.ByProcess.Select(p => (p.Process.Value, Bits(p.Total.Value))).SequenceEqual(b.ByProcess.Select(p => (p.Process.Value, Bits(p.Total.Value))))
                && a.ByGas.Select(g => Bits(g.Co2e.Value)).SequenceEqual(b.ByGas.Select(g => Bits(g.Co2e.Value)));
        }, iter: 60);
    }

    [Fact]
    public void RunSize_ScalingEveryAmountOfAProcess_ChangesNothing()
    {
        Gen.Select(AnySystem, Gen.Int[0, 1000], Gen.Double[0.01, 100]).Sample((system, pick, k) =>
        {
            int index = pick % system.Processes.Length;
            var scaled = ScaleProcess(system, index, k);
            var a = Calculate(system);
            var b = Calculate(scaled);
            var id = system.Processes[index].Id;
            return Close(a.TotalIncludingBiogenicUptake.Value, b.TotalIncludingBiogenicUptake.Value, 1e-10)
                && Close(a.RunsOf(id) / k, b.RunsOf(id), 1e-10)
                && a.ByProcess.All(p => Close(p.Total.Value, b.ByProcess.Single(q => q.Process == p.Process).Total.Value, 1e-9));
        }, iter: 60);
    }

    [Fact]
    public void Contributions_ByProcessStageGasAndFactor_SumToTheTotal()
    {
        AnySystem.Sample(system =>
        {
            var r = Calculate(system);
            double total = r.TotalIncludingBiogenicUptake.Value;
            double direct = r.ByProcess.Sum(p => p.Direct.Value);
            double background = r.ByProcess.Sum(p => p.Background.Value);
            return Close(total, r.ByProcess.Sum(p => p.Total.Value), 1e-11)
                && Close(total, r.ByStage.Sum(s => s.Co2e.Value), 1e-11)
                && Close(total, r.ByGas.Sum(g => g.Co2e.Value), 1e-11)
                && Close(background, r.ByFactor.Sum(f => f.Co2e.Value), 1e-11)
                && Close(total, direct + background, 1e-11);
        }, iter: 80);
    }

    [Fact]
    public void SparseSolution_EqualsADenseLuSolution()
    {
        // The engine's path (block triangular form: 1x1 blocks by division for acyclic systems, sparse LU for loops)
        // against a dense LU with partial pivoting of the same matrix: total = g · A⁻¹ f.
        AnySystem.Sample(system =>
        {
            var compiled = CompiledSystem.Compile(system).ThrowIfInvalid();
            var resolution = TestSupport.Engine.Resolution(compiled, Power, GwpSet.Ar6);
            var result = compiled.Calculate(resolution);
            var a = compiled.Technosphere;
            var dense = new double[a.Size, a.Size];
            for (int c = 0; c < a.Size; c++)
            {
                for (int k = a.ColumnPointers[c]; k < a.ColumnPointers[c + 1]; k++)
                {
                    dense[a.RowIndices[k], c] = a.Values[k];
                }
            }

            var f = new double[a.Size];
            f[compiled.DemandRow(result.Demand)!.Value] = result.Demand.Amount.As(system.GetFlow(result.Demand.Product).ReferenceUnit);
            var s = DenseLu.Factorize(dense).Solve(f);
            var g = compiled.Co2ePerRun(compiled.FactorTable(resolution), GwpSet.Ar6);
            double total = 0;
            for (int i = 0; i < s.Length; i++)
            {
                total += g[i] * s[i];
            }

            return Close(total, result.TotalIncludingBiogenicUptake.Value, 1e-11);
        }, iter: 80);
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>The same system with processes, inputs and emissions in another order (through its JSON form).</summary>
    private static ProductSystem Shuffle(ProductSystem system, int seed)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(ProductSystemJson.Write(system))!.AsObject();
        foreach (string list in new[] { "flows", "processes" })
        {
            if (root[list] is JsonArray array)
            {
                root[list] = Reordered(array, random);
            }
        }

        foreach (var process in root["processes"]!.AsArray())
        {
            foreach (string list in new[] { "inputs", "emissions", "coProducts" })
            {
                if (process![list] is JsonArray array)
                {
                    process[list] = Reordered(array, random);
                }
            }
        }

        return ProductSystemJson.Read(root.ToJsonString()).ThrowIfInvalid();
    }

    private static JsonArray Reordered(JsonArray array, Random random)
    {
        var items = array.Select(n => n!.DeepClone()).ToArray();
        random.Shuffle(items);
        return new JsonArray(items);
    }

    /// <summary>The same system with one process's run k times larger: its output, inputs and emissions all times k.</summary>
    private static ProductSystem ScaleProcess(ProductSystem system, int index, double k)
    {
        var root = JsonNode.Parse(ProductSystemJson.Write(system))!.AsObject();
        var id = system.Processes[index].Id.Value;
        var process = root["processes"]!.AsArray().Single(p => (string?)p!["id"] == id)!;
        Scale(process["output"]);
        foreach (string list in new[] { "inputs", "emissions", "coProducts" })
        {
            foreach (var item in process[list] as JsonArray ?? [])
            {
                Scale(item);
            }
        }

        return ProductSystemJson.Read(root.ToJsonString()).ThrowIfInvalid();

        void Scale(JsonNode? node)
        {
            if (node?["amount"] is { } amount)
            {
                node["amount"] = amount.GetValue<double>() * k;
            }
        }
    }
}
