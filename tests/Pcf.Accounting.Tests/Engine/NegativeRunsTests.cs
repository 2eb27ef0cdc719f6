using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Tests.TestSupport.Engine;

namespace Pcf.Accounting.Tests.Engine;

/// <summary>A process that runs a negative number of times is told as a warning (PCF0104) that names both causes: system expansion, or a loop of gain above 1.</summary>
public sealed class NegativeRunsTests
{
    [Fact]
    public void Calculate_LoopWithGain2_WarnsThatItsProcessesRunNegatively()
    {
        // P0 makes 1 kg a from 2 kg c, P1 1 kg b from 1 kg a, P2 1 kg c from 1 kg b; per kg of a the runs solve
        // s0 − s1 = 1, s1 − s2 = 0, −2 s0 + s2 = 0: s2 = s1 = 2 s0 and s0 − 2 s0 = 1, so s0 = −1 and s1 = s2 = −2.
        var result = Calculate(Loop(2));

        Assert.Equal(-1, result.RunsOf("P0"), 1e-15);
        Assert.Equal(-2, result.RunsOf("P1"), 1e-15);
        Assert.Equal(-2, result.RunsOf("P2"), 1e-15);
        var warnings = result.Warnings.Where(w => w.Code == ProblemCodes.NumberOutOfRange).ToList();
        // Emissions: 1 kg CO2 per run of P0, so −1 kg fossil in all.
        Assert.Equal(-1, result.TotalExcludingBiogenicUptake.Value, 1e-15);
        Assert.Equal(["$.reported.fossilGhgEmissions", "$.processes['P0']", "$.processes['P1']", "$.processes['P2']"], warnings.Select(w => w.Path));
        Assert.Equal(
            "Fossil emissions are negative: system-expansion credits exceed the emissions, or processes run a negative number of " +
            "times (see their warnings). PACT requires a non-negative value; check the displaced supplies and loops.",
            warnings[0].Message);
        Assert.Equal(
            "Process 'P1' runs a negative number of times (-2): either a co-product displaces more of its product than the system " +
            "uses (system expansion: avoided production), or a loop whose amounts multiply to more than 1 consumes more than it makes, " +
            "and then the footprint is not meaningful: check the loop's amounts.",
            warnings[2].Message);
        Assert.Equal(["P1"], Assert.IsType<ProcessSubject>(warnings[2].Subject).Processes.Select(p => p.Value));
    }

    [Fact]
    public void Calculate_LoopWithGainHalf_HasNoNegativeRunsWarning()
    {
        // As above with 0.5: s0 = 1/(1 − 0.5) = 2, s1 = s2 = 0.5 × 2 = 1.
        var result = Calculate(Loop(0.5));

        Assert.Equal(2, result.RunsOf("P0"), 1e-15);
        Assert.Equal(1, result.RunsOf("P2"), 1e-15);
        Assert.DoesNotContain(result.Warnings, w => w.Code == ProblemCodes.NumberOutOfRange);
    }

    [Fact]
    public void Calculate_SystemExpansionCreditingMoreThanTheSystemUses_RunsTheDisplacedProcessNegativelyWithTheWarning()
    {
        // The fab uses 10 kWh; the mill's 50 kWh co-product displaces the plant: plant runs 10 − 50 = −40 (avoided
        // production). Footprint: mill 500 + plant −40 × 0.8 = 468 kg CO2.
        var system = new ProductSystemBuilder("expansion")
            .AddFlow("part", "part", Unit.Piece).AddFlow("steel", "steel", Unit.Tonne).AddFlow("power", "power", Unit.KilowattHour)
            .AddProcess("fab", "fab", p => p.Produces("part", 1, Unit.Piece).Consumes("steel", 1, Unit.Tonne).Consumes("power", 10, Unit.KilowattHour, Supply.FromProcess("plant")))
            .AddProcess("mill", "mill", p => p
                .Produces("steel", 1, Unit.Tonne)
                .CoProduces(new ProductOutput("power", Quantity.Of(50, Unit.KilowattHour)) { Displaces = Supply.FromProcess("plant") })
                .Emits(GreenhouseGas.Co2Fossil, 500, Unit.Kilogram))
            .AddProcess("plant", "plant", p => p.Produces("power", 1, Unit.KilowattHour).Emits(GreenhouseGas.Co2Fossil, 0.8, Unit.Kilogram))
            .WithReferenceProduct("part").WithDeclaredUnit(1, Unit.Piece).Build();

        var result = Calculate(system);

        Assert.Equal(-40, result.RunsOf("plant"), 1e-12);
        Assert.Equal(468, result.TotalExcludingBiogenicUptake.Value, 1e-9);
        var warning = Assert.Single(result.Warnings, w => w.Path == "$.processes['plant']");
        Assert.Equal(ProblemCodes.NumberOutOfRange, warning.Code);
        Assert.StartsWith("Process 'plant' runs a negative number of times (-40): either a co-product displaces", warning.Message, StringComparison.Ordinal);
    }

    private static ProductSystem Loop(double gain) => new ProductSystemBuilder("loop")
        .AddFlow("a", "a", Unit.Kilogram).AddFlow("b", "b", Unit.Kilogram).AddFlow("c", "c", Unit.Kilogram)
        .AddProcess("P0", "P0", p => p.Produces("a", 1, Unit.Kilogram).Consumes("c", gain, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
        .AddProcess("P1", "P1", p => p.Produces("b", 1, Unit.Kilogram).Consumes("a", 1, Unit.Kilogram))
        .AddProcess("P2", "P2", p => p.Produces("c", 1, Unit.Kilogram).Consumes("b", 1, Unit.Kilogram))
        .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram).Build();
}
