using Pcf.Accounting.Engine;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Model;

/// <summary>A large system's processes are checked on several threads, and it is factorized on one thread while its inventory
/// is laid out on another: the system, its result and its problems are those of one thread, in the order of the processes.</summary>
public sealed class ParallelCheckTests
{
    private static readonly int Count = ProductSystemBuilder.ParallelCheckProcesses + 1234;

    // A chain p00000 <- p00001 <- ...: each process makes f{i} from f{i+1}; the last uses a factor flow.
    private static ProductSystemBuilder Chain(Func<int, bool>? broken = null, bool loop = false)
    {
        var builder = new ProductSystemBuilder("chain").InRegion("CN").ForYear(2023);
        for (int i = 0; i < Count; i++)
        {
            builder.AddFlow($"f{i:D5}", $"Flow {i}", Unit.Kilogram);
        }

        builder.AddFlow("power", "Electricity", Unit.KilowattHour, factorKey: "electricity/grid");
        for (int i = 0; i < Count; i++)
        {
            int self = i;
            builder.AddProcess($"p{i:D5}", $"Process {i}", p =>
            {
                p.Produces($"f{self:D5}", 1, Unit.Kilogram);
                if (broken?.Invoke(self) == true)
                {
                    p.Consumes("no-such-flow", 1, Unit.Kilogram); // an input of a flow the system does not have
                    p.Emits(GreenhouseGas.Co2Fossil, 1, Unit.KilowattHour); // and an emission that is not a mass
                }
                else if (loop && self == 1)
                {
                    p.Consumes("f00000", 2, Unit.Kilogram); // p00000 needs 0.5 kg of f00001 per kg: 0.5 × 2 = 1, the two make no net output
                }
                else if (self + 1 < Count)
                {
                    p.Consumes($"f{self + 1:D5}", 0.5, Unit.Kilogram);
                }
                else
                {
                    p.Consumes("power", 2, Unit.KilowattHour);
                }

                p.Emits(GreenhouseGas.Co2Fossil, 0.001 * self, Unit.Kilogram);
            });
        }

        return builder.WithReferenceProduct("f00000").WithDeclaredUnit(1, Unit.Kilogram);
    }

    [Fact]
    public void ValidSystem_KeepsEveryProcessInOrder()
    {
        var system = Chain().Build();
        Assert.Equal(Count, system.Processes.Length);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"p{i:D5}"), system.Processes.Select(p => p.Id.Value));
        Assert.Equal(Supply.FromProcess($"p{Count - 1:D5}"), system.GetProcess($"p{Count - 2:D5}").Inputs[0].Supply);
        Assert.Equal(Supply.FromFactor("electricity/grid", "CN", 2023), system.GetProcess($"p{Count - 1:D5}").Inputs[0].Supply);
    }

    [Fact]
    public void Problems_AreReportedInTheOrderOfTheProcesses_TwoForEachBrokenProcess()
    {
        int[] broken = [3, 700, 701, 1999, 2000, Count - 1];
        var result = Chain(i => broken.Contains(i)).Validate();

        Assert.False(result.IsValid);
        var expected = broken.SelectMany(i => new[] { $"$.processes[{i}].inputs[0].flow", $"$.processes[{i}].emissions[0].unit" });
        Assert.Equal(expected, result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void LargeChain_CalculatesAsByHand()
    {
        Assert.True(Count >= CompiledSystem.ParallelFactorizeColumns);
        var result = TestSupport.Engine.Calculate(Chain().Build(), TestSupport.Engine.Co2(("electricity/grid", 0.5)));

        // Process i runs 0.5^i times and emits 0.001 i kg per run: Σ 0.001 i 0.5^i = 0.001 × 0.5 / (1 − 0.5)² = 0.002 kg, less
        // a tail below 1e-300; the last process's 2 kWh × 0.5 kg/kWh runs 0.5^(Count−1) times (below 1e-300).
        Assert.Equal(0.002, result.TotalExcludingBiogenicUptake.Value, 15);
        Assert.Equal(Count, result.Inventory.Processes.Length);
    }

    [Fact]
    public void LargeSingularSystem_IsRefused_NamingTheLoop()
    {
        var compiled = CompiledSystem.Compile(Chain(loop: true).Build());

        var problem = Assert.Single(compiled.Problems);
        Assert.Equal(ProblemCodes.SingularSystem, problem.Code);
        Assert.Contains("'p00000'", problem.Message, StringComparison.Ordinal);
    }
}
