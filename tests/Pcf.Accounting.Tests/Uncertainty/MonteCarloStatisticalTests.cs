using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>Monte Carlo against analytic answers, with fixed seeds: tolerances are a few Monte Carlo standard errors, worked out below.</summary>
public sealed class MonteCarloStatisticalTests
{
    [Fact]
    public void SingleLognormalFactor_ReproducesItsAnalyticPercentiles()
    {
        // 10 kWh × 0.5 kg CO2/kWh = 5 kg CO2e, the factor lognormal with GSD² 1.5: σ = ln 1.5 / 2 = 0.2027326.
        // Analytic: median 5; P2.5 = 5 exp(−1.959964 σ) = 3.360657; P97.5 = 5 exp(1.959964 σ) = 7.439030; P5 = 5 exp(−1.644854 σ) = 3.584043;
        // P95 = 6.975363; mean 5 exp(σ²/2) = 5.103816; sd = mean √(exp(σ²) − 1) = 1.045176.
        // Standard errors with n = 20,000: mean 0.0074; P97.5 √(0.975 · 0.025 / n) / f(x) with f(x) = φ(1.96)/(x σ) = 0.03876: 0.028.
        var run = UncertainSystems.Run(UncertainSystems.PowerUser(10), new MonteCarloOptions { Iterations = 20_000, Seed = 2026 },
            UncertainSystems.Power(UncertaintyDistribution.LognormalFromGsdSquared(1.5)));
        var total = run.Statistics.Total;
        double sigma = Math.Log(1.5) / 2;

        Assert.Equal(MonteCarloMode.FixedScaling, run.Statistics.Mode);
        Assert.Equal(1, run.Statistics.UncertainInputCount);
        Assert.Equal(5 * Math.Exp(sigma * sigma / 2), total.Mean, 0.03);               // 4 SE
        Assert.Equal(5, total.Median, 0.03);
        Assert.Equal(5 * Math.Exp(-1.959963984540054 * sigma), total.Percentile(2.5), 0.05);
        Assert.Equal(5 * Math.Exp(-1.6448536269514722 * sigma), total.Percentile(5), 0.05);
        Assert.Equal(5 * Math.Exp(1.6448536269514722 * sigma), total.Percentile(95), 0.1);
        Assert.Equal(5 * Math.Exp(1.959963984540054 * sigma), total.Percentile(97.5), 0.12);
        Assert.Equal(5 * Math.Exp(sigma * sigma / 2) * Math.Sqrt(Math.Exp(sigma * sigma) - 1), total.StandardDeviation, 0.04);
    }

    [Fact]
    public void SumOfIndependentNormals_MatchesItsAnalyticVariance()
    {
        // Three direct emissions of fossil CO2: 2 kg ± 10 %, 3 kg ± 20 %, 5 kg ± 5 % (normal): mean 10 kg,
        // variance 0.2² + 0.6² + 0.25² = 0.04 + 0.36 + 0.0625 = 0.4625. The relative standard error of a sample variance of
        // n = 20,000 normal draws is √(2/n) = 1 %: 4 % allowed.
        var system = new ProductSystemBuilder("normals")
            .AddFlow("x", "X", Unit.Kilogram)
            .AddProcess("p", "p", p => p.Produces("x", 1, Unit.Kilogram)
                .Emits(GreenhouseGas.Co2Fossil, 2, Unit.Kilogram, ElementaryExchangeKind.Emission, UncertaintyDistribution.Normal(0.1))
                .Emits(GreenhouseGas.Co2Fossil, 3, Unit.Kilogram, ElementaryExchangeKind.Emission, UncertaintyDistribution.Normal(0.2))
                .Emits(GreenhouseGas.Co2Fossil, 5, Unit.Kilogram, ElementaryExchangeKind.Emission, UncertaintyDistribution.Normal(0.05)))
            .WithReferenceProduct("x").WithDeclaredUnit(1, Unit.Kilogram).Build();

        var run = UncertainSystems.Run(system, new MonteCarloOptions { Iterations = 20_000, Seed = 11 });
        var total = run.Statistics.Total;

        Assert.Equal(3, run.Statistics.UncertainInputCount);
        Assert.Equal(10, total.Mean, 4 * Math.Sqrt(0.4625 / 20_000));
        Assert.Equal(0.4625, total.StandardDeviation * total.StandardDeviation, 0.04 * 0.4625);
        // A normal's P97.5 is mean + 1.96 sd = 10 + 1.959964 × 0.680074 = 11.33292.
        Assert.Equal(10 + (1.959963984540054 * Math.Sqrt(0.4625)), total.Percentile(97.5), 0.03);
    }

    [Fact]
    public void LinearSystemWithUncertainA_MatchesADenseReferenceSampledTheSameWay()
    {
        // The loop of UncertainSystems.Loop with a lognormal power factor: every iteration is rebuilt here as a dense 2×2 system
        // from the same draws (u = Philox(seed; iteration, input, 0)) and solved by Cramer's rule; each sample agrees to 1e-12.
        var system = UncertainSystems.Loop();
        var factor = UncertainSystems.Power(UncertaintyDistribution.LognormalFromGsdSquared(1.2));
        var (compiled, factors) = UncertainSystems.Prepare(system, factor);
        var options = new MonteCarloOptions { Iterations = 500, Seed = 77, KeepSamples = true };
        var run = MonteCarlo.Run(compiled, factors, options).ThrowIfInvalid();
        var model = MonteCarloModel.Build(compiled, factors, null, options).ThrowIfInvalid();
        var samples = run.Samples!.ValuesOf("pcfExcludingBiogenicUptake").ToArray();
        double ch4 = GwpSet.Ar6.FactorOf(GreenhouseGas.Ch4Fossil);

        Assert.Equal(MonteCarloMode.Technosphere, run.Statistics.Mode);
        Assert.Equal(0, run.Statistics.RedrawnCount);
        Assert.Equal(6, model.Inputs.Length);
        for (int i = 0; i < options.Iterations; i++)
        {
            double M(string key)
            {
                int j = model.Inputs.Select(x => x.Key).ToList().IndexOf(key);
                Assert.True(j >= 0, key);
                return model.Inputs[j].Distribution.Quantile(Philox.Uniform(77, (uint)i, model.StreamIds[j], 0));
            }

            double aB = 0.3 * M("process|a|input|B|process b|0");
            double bA = 0.4 * M("process|b|input|A|process a|0");
            double bOut = 1 * M("process|b|output|B");
            double factorPerKwh = 0.5 * M("factor|test/power|GLO|any|kWh|test/uncertainty|1");
            double ga = (1 * M("process|a|emission|CO2-fossil|Emission|0")) + (2 * factorPerKwh);
            double gb = (0.02 * M("process|b|emission|CH4-fossil|Emission|0") * ch4) + (1 * factorPerKwh);

            // [1 −bA; −aB bOut] s = [1; 0]: s_a = bOut / det, s_b = aB / det, det = bOut − aB·bA.
            double det = bOut - (aB * bA);
            double expected = ((ga * bOut) + (gb * aB)) / det;
            Assert.True(Math.Abs(samples[i] - expected) <= 1e-12 * Math.Abs(expected), $"iteration {i}: {samples[i]} vs {expected}");
        }
    }
}
