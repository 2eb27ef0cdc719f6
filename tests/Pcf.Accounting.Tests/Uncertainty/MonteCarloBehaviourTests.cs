using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Tests.TestSupport;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>What a run samples and how: one draw per factor, pedigree widening, modes that agree, credits, comparisons, redraws.</summary>
public sealed class MonteCarloBehaviourTests
{
    [Fact]
    public void WithoutDistributions_EveryDrawIsTheStatedResult()
    {
        var (compiled, factors) = UncertainSystems.Prepare(Systems.BracketBuilder().Build(),
            new EmissionFactor("steel/hot-rolled-coil", "coil", Unit.Tonne, "CN", 2023, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 2000)], UncertainSystems.Invented),
            new EmissionFactor("electricity/grid", "grid", Unit.KilowattHour, "CN-JS", 2023, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5)], UncertainSystems.Invented),
            new EmissionFactor("electricity/grid", "grid", Unit.MegawattHour, "CN", 2023, [FactorComponent.Emission(GreenhouseGas.Co2Fossil, 500)], UncertainSystems.Invented));
        var result = compiled.Calculate(factors);

        var run = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 50 }).ThrowIfInvalid();

        Assert.Equal(0, run.Statistics.UncertainInputCount);
        Assert.Contains(run.Statistics.Notes, n => n.Contains("every draw equals the stated result", StringComparison.Ordinal));
        var total = run.Statistics.Total;
        Assert.Equal(result.TotalExcludingBiogenicUptake.Value, total.Mean, 1e-12 * Math.Abs(result.TotalExcludingBiogenicUptake.Value));
        Assert.Equal(total.Minimum, total.Maximum);
        Assert.Equal(0, total.StandardDeviation);
        Assert.Single(run.Statistics.Histogram);
        Assert.Equal(result.Reported.FossilGhgEmissions.Value, run.Statistics.Quantity("fossilGhgEmissions")!.Mean, 1e-12);
    }

    [Fact]
    public void AFactorUsedByTwoProcesses_IsDrawnOncePerIteration()
    {
        // Both processes use the same power factor (normal ± 10 %): the total is 0.5 × (3 + 2) × m with one m per iteration, so its
        // relative standard deviation is the factor's 10 %, not 10 % / √2-ish as two independent draws would give.
        var system = new ProductSystemBuilder("shared")
            .AddFlow("x", "X", Unit.Kilogram).AddFlow("y", "Y", Unit.Kilogram).AddFlow("power", "Power", Unit.KilowattHour, factorKey: "test/power")
            .AddProcess("px", "px", p => p.Produces("x", 1, Unit.Kilogram).Consumes("y", 1, Unit.Kilogram).Consumes("power", 3, Unit.KilowattHour))
            .AddProcess("py", "py", p => p.Produces("y", 1, Unit.Kilogram).Consumes("power", 2, Unit.KilowattHour))
            .WithReferenceProduct("x").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var run = UncertainSystems.Run(system, new MonteCarloOptions { Iterations = 2000, KeepSamples = true }, UncertainSystems.Power(UncertaintyDistribution.Normal(0.1)));

        Assert.Equal(1, run.Statistics.UncertainInputCount);
        var draws = run.Samples!.ValuesOf("pcfExcludingBiogenicUptake").ToArray();
        // Every draw is 2.5 × m: (draw / 2.5 − 1) / 0.1 is the standard normal of the single draw.
        Assert.Equal(0.1 * 2.5, run.Statistics.Total.StandardDeviation, 0.02);
        Assert.All(draws, d => Assert.True(d > 0));
    }

    [Fact]
    public void AFactorWithScoresButNoDistribution_IsWidenedByThePedigreeMatrix_AndNotWhenFixedOrTurnedOff()
    {
        // Scores (2, 3, 2, 2, 3) on CO2: σ² = 0.0006 (basic) + 0.0006 + 0.0001 + 0.0002 + 0.0001 + 0.002 = 0.0036, σ = 0.06;
        // the total 5 × m has sd 5 × exp(σ²/2) × √(exp(σ²) − 1) = 5 × 1.0018 × 0.060054 = 0.30081.
        var quality = new DataQuality(2, 3, 2, 2, 3);
        var widened = UncertainSystems.Run(UncertainSystems.PowerUser(), new MonteCarloOptions { Iterations = 20_000 }, UncertainSystems.Power(quality: quality));
        var fixedOne = UncertainSystems.Run(UncertainSystems.PowerUser(), new MonteCarloOptions { Iterations = 100 }, UncertainSystems.Power(UncertaintyDistribution.Fixed, quality));
        var off = UncertainSystems.Run(UncertainSystems.PowerUser(), new MonteCarloOptions { Iterations = 100, Pedigree = null }, UncertainSystems.Power(quality: quality));

        Assert.Equal(1, widened.Statistics.PedigreeFactorCount);
        Assert.Equal(0.30081, widened.Statistics.Total.StandardDeviation, 0.012);
        var input = Assert.Single(widened.Statistics.Contributions).Input;
        Assert.True(input.FromPedigree);
        Assert.Equal(Math.Exp(2 * 0.06), input.Distribution.GsdSquared, 12);
        Assert.Equal(0, fixedOne.Statistics.Total.StandardDeviation);
        Assert.Equal(0, off.Statistics.Total.StandardDeviation);
    }

    [Fact]
    public void PerGasDistributions_AreDrawnIndependently_AndTakePrecedenceOverTheFactors()
    {
        var factor = new EmissionFactor("test/power", "power", Unit.KilowattHour, null, null,
        [
            FactorComponent.Emission(GreenhouseGas.Co2Fossil, 0.5) with { Uncertainty = UncertaintyDistribution.Normal(0.05) },
            FactorComponent.Emission(GreenhouseGas.Ch4Fossil, 0.001) with { Uncertainty = UncertaintyDistribution.LognormalFromGsdSquared(2) },
            FactorComponent.Emission(GreenhouseGas.N2O, 0.0001),
        ], UncertainSystems.Invented)
        { Uncertainty = UncertaintyDistribution.Normal(0.3) };

        var run = UncertainSystems.Run(UncertainSystems.PowerUser(), new MonteCarloOptions { Iterations = 500 }, factor);

        // CO2 and CH4 with their own distributions, N2O with the factor's: three inputs.
        Assert.Equal(3, run.Statistics.UncertainInputCount);
        Assert.Contains(run.Statistics.Contributions, c => c.Input.Kind == UncertainInputKind.FactorComponent && c.Input.Label.Contains("CH4-fossil", StringComparison.Ordinal));
    }

    [Fact]
    public void AnInputSplitByAllocation_IsOneInput()
    {
        // The rolling process of the bracket has two columns (sheet and scrap, mass allocation); its uncertain coil input is one draw.
        var builder = new ProductSystemBuilder("allocated")
            .AddFlow("sheet", "Sheet", Unit.Kilogram).AddFlow("scrap", "Scrap", Unit.Kilogram).AddFlow("power", "Power", Unit.KilowattHour, factorKey: "test/power")
            .AddProcess("rolling", "Rolling", p => p.Produces("sheet", 950, Unit.Kilogram).CoProduces("scrap", 50, Unit.Kilogram)
                .Consumes("power", Quantity.Of(120, Unit.KilowattHour), null, UncertaintyDistribution.Normal(0.1)).AllocatedBy(AllocationMethod.Mass))
            .WithReferenceProduct("sheet").WithDeclaredUnit(1, Unit.Kilogram);

        var run = UncertainSystems.Run(builder.Build(), new MonteCarloOptions { Iterations = 200 }, UncertainSystems.Power());

        Assert.Equal(1, run.Statistics.UncertainInputCount);
        // 120 kWh × 0.5 × 0.95 (sheet's mass share) / 950 kg = 0.06 kg CO2e per kg; sd 10 % of it.
        Assert.Equal(0.06, run.Statistics.Total.Median, 0.002);
    }

    [Fact]
    public void FixedScalingAndTechnosphere_AgreeDrawForDraw_CreditsOfDisplacedProductsIncluded()
    {
        // A co-product displaces a foreground product (system expansion): fixed scaling credits it through precomputed weights, the
        // technosphere mode through a transposed solve per draw. With only factors uncertain both must give the same samples.
        var system = new ProductSystemBuilder("expansion")
            .AddFlow("main", "Main", Unit.Kilogram).AddFlow("heat", "Heat", Unit.Megajoule).AddFlow("power", "Power", Unit.KilowattHour, factorKey: "test/power")
            .AddProcess("chp", "CHP", p => p.Produces("main", 1, Unit.Kilogram)
                .CoProduces(new ProductOutput("heat", Quantity.Of(2, Unit.Megajoule)) { Displaces = Supply.FromProcess("boiler") })
                .Consumes("power", 3, Unit.KilowattHour).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram).AllocatedBy(AllocationMethod.SystemExpansion))
            .AddProcess("boiler", "Boiler", p => p.Produces("heat", 1, Unit.Megajoule).Consumes("power", 0.5, Unit.KilowattHour)
                .Emits(GreenhouseGas.Co2Fossil, 0.07, Unit.Kilogram))
            .WithReferenceProduct("main").WithDeclaredUnit(1, Unit.Kilogram).Build();
        var (compiled, factors) = UncertainSystems.Prepare(system, UncertainSystems.Power(UncertaintyDistribution.LognormalFromGsdSquared(1.5)));
        var result = compiled.Calculate(factors);

        var fixedScaling = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 300, Mode = MonteCarloMode.FixedScaling, KeepSamples = true }).ThrowIfInvalid();
        var technosphere = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 300, Mode = MonteCarloMode.Technosphere, KeepSamples = true }).ThrowIfInvalid();

        Assert.True(result.Reported.SystemExpansionCredits.Value < 0);
        foreach (var quantity in UncertaintyStatistics.QuantityNames)
        {
            var a = fixedScaling.Samples!.ValuesOf(quantity).ToArray();
            var b = technosphere.Samples!.ValuesOf(quantity).ToArray();
            for (int i = 0; i < a.Length; i++)
            {
                Assert.True(Math.Abs(a[i] - b[i]) <= 1e-12 * Math.Max(1, Math.Abs(b[i])), $"{quantity}[{i}]: {a[i]} vs {b[i]}");
            }
        }

        // At the stated amounts (the factor's median), the credit is the deterministic one.
        Assert.Equal(result.Reported.SystemExpansionCredits.Value, fixedScaling.Statistics.Quantity("systemExpansionCredits")!.Median, 0.05 * Math.Abs(result.Reported.SystemExpansionCredits.Value));
    }

    [Fact]
    public void FixedScaling_HoldsProductAmountsFixed_AndSaysSo()
    {
        var run = UncertainSystems.Run(UncertainSystems.Loop(), new MonteCarloOptions { Iterations = 100, Mode = MonteCarloMode.FixedScaling }, UncertainSystems.Power());

        Assert.Equal(MonteCarloMode.FixedScaling, run.Statistics.Mode);
        Assert.Contains(run.Statistics.Notes, n => n.StartsWith("3 product amount(s)", StringComparison.Ordinal));
        Assert.Equal(2, run.Statistics.UncertainInputCount); // the CO2 and the CH4 emissions
    }

    [Fact]
    public void Comparison_WithCommonRandomNumbers_SeesTheDifferenceNotTheNoise()
    {
        // A uses 10 kWh, B 12 kWh of the same wide factor: with common random numbers A < B in every iteration.
        var factor = UncertainSystems.Power(UncertaintyDistribution.LognormalFromGsdSquared(3));
        var a = UncertainSystems.Prepare(UncertainSystems.PowerUser(10, "a"), factor);
        var b = UncertainSystems.Prepare(UncertainSystems.PowerUser(12, "b"), factor);

        var comparison = MonteCarlo.Compare(new MonteCarloInput(a.Compiled, a.Factors), new MonteCarloInput(b.Compiled, b.Factors),
            new MonteCarloOptions { Iterations = 1000 }).ThrowIfInvalid();

        Assert.Equal(1, comparison.ProbabilityALessThanB);
        Assert.True(comparison.Difference.Maximum < 0);
        // The difference is −2 kWh × 0.5 × m: its median is −1.
        Assert.Equal(-1, comparison.Difference.Median, 0.05);
    }

    [Fact]
    public void ContributionToVariance_RanksTheWideInputFirst()
    {
        // Power ± 30 % (normal) against CO2 direct emission ± 1 %: nearly all the variance is the power's.
        var system = new ProductSystemBuilder("ranked")
            .AddFlow("x", "X", Unit.Kilogram).AddFlow("power", "Power", Unit.KilowattHour, factorKey: "test/power")
            .AddProcess("p", "p", p => p.Produces("x", 1, Unit.Kilogram).Consumes("power", 10, Unit.KilowattHour)
                .Emits(GreenhouseGas.Co2Fossil, 5, Unit.Kilogram, ElementaryExchangeKind.Emission, UncertaintyDistribution.Normal(0.01)))
            .WithReferenceProduct("x").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var run = UncertainSystems.Run(system, new MonteCarloOptions { Iterations = 5000 }, UncertainSystems.Power(UncertaintyDistribution.Normal(0.3)));
        var first = run.Statistics.Contributions[0];

        Assert.Equal(UncertainInputKind.Factor, first.Input.Kind);
        Assert.True(first.Share > 0.99, $"share {first.Share}");
        Assert.True(first.RankCorrelation > 0.99);
        Assert.Equal(1, run.Statistics.Contributions.Sum(c => c.Share), 12);
    }

    [Fact]
    public void ADrawThatMakesTheSystemSingular_IsRedrawnDeterministically_AndFailsNamingTheProcessesWhenItCannotBe()
    {
        // An output amount with GSD 10^300: exp(690 z) underflows to exactly 0 for z below about −1.08 (a zero diagonal: singular)
        // and overflows for z above about 1.03 (not finite): about 30 % of draws are redrawn.
        var system = new ProductSystemBuilder("wild")
            .AddFlow("x", "X", Unit.Kilogram).AddFlow("y", "Y", Unit.Kilogram)
            .AddProcess("px", "px", p => p.Produces("x", 1, Unit.Kilogram).Consumes("y", 1, Unit.Kilogram).Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
            .AddProcess("py", "py", p => p.Produces(new ProductOutput("y", Quantity.Of(1, Unit.Kilogram)) { Uncertainty = UncertaintyDistribution.Lognormal(1e300) })
                .Emits(GreenhouseGas.Co2Fossil, 1, Unit.Kilogram))
            .WithReferenceProduct("x").WithDeclaredUnit(1, Unit.Kilogram).Build();
        var (compiled, factors) = UncertainSystems.Prepare(system);

        var one = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 400, MaxDegreeOfParallelism = 1 }).ThrowIfInvalid();
        var two = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 400, MaxDegreeOfParallelism = 2 }).ThrowIfInvalid();
        var failed = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 400, MaxRedraws = 0 });

        Assert.True(one.Statistics.RedrawnCount > 50, $"{one.Statistics.RedrawnCount} redrawn");
        Assert.Equal(one.Statistics, two.Statistics);
        Assert.All(one.Statistics.Quantities, q => Assert.True(double.IsFinite(q.Mean) && double.IsFinite(q.Maximum)));
        var problem = Assert.Single(failed.Problems);
        Assert.Equal(ProblemCodes.MonteCarloDrawFailed, problem.Code);
        Assert.Equal("monteCarlo", problem.Path);
        Assert.StartsWith("Iteration ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADemandTheSystemDoesNotMake_IsAProblem()
    {
        var (compiled, factors) = UncertainSystems.Prepare(UncertainSystems.PowerUser(), UncertainSystems.Power());

        var run = MonteCarlo.Run(compiled, factors, demand: new Demand("nothing", Quantity.Of(1, Unit.Kilogram)));

        Assert.Equal(ProblemCodes.UnknownDemand, Assert.Single(run.Problems).Code);
    }

    [Fact]
    public async Task Calculator_AttachesTheStatisticsToTheResult()
    {
        var provider = new InMemoryFactorProvider("tests", [UncertainSystems.Power(UncertaintyDistribution.Normal(0.1))], FallbackPolicy.ExactOnly);
        var calculator = new UncertaintyCalculator(new FactorResolver([provider]));

        var calculation = (await calculator.CalculateAsync(UncertainSystems.PowerUser(), new MonteCarloOptions { Iterations = 300 })).ThrowIfInvalid();

        Assert.Equal(5, calculation.Result.TotalExcludingBiogenicUptake.Value, 12);
        Assert.Same(calculation.Run.Statistics, calculation.Result.Uncertainty);
        Assert.Equal(300, calculation.Result.Uncertainty!.Iterations);
    }
}
