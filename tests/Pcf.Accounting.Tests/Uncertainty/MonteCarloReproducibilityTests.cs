using System.Text;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Tests.Uncertainty;

/// <summary>The same seed gives bit-identical samples and statistics whatever the number of threads.</summary>
public sealed class MonteCarloReproducibilityTests
{
    private static (string Samples, string Statistics) RunOn(int threads, MonteCarloMode mode, double? target = null)
    {
        var (compiled, factors) = UncertainSystems.Prepare(UncertainSystems.Loop(), UncertainSystems.Power(UncertaintyDistribution.LognormalFromGsdSquared(1.2)));
        var options = new MonteCarloOptions
        {
            Iterations = 3000,
            Seed = 12345,
            MaxDegreeOfParallelism = threads,
            ConvergenceInterval = 100,
            Mode = mode,
            KeepSamples = true,
            TargetRelativeStandardError = target,
        };
        var run = MonteCarlo.Run(compiled, factors, options).ThrowIfInvalid();
        using var csv = new StringWriter();
        run.Samples!.WriteCsv(csv);
        var result = compiled.Calculate(factors) with { Uncertainty = run.Statistics };
        return (csv.ToString(), FootprintResultJson.Write(result));
    }

    [Theory]
    [InlineData(MonteCarloMode.Technosphere)]
    [InlineData(MonteCarloMode.FixedScaling)]
    public void OneTwoAndEightThreads_GiveIdenticalBytes(MonteCarloMode mode)
    {
        var one = RunOn(1, mode);
        var two = RunOn(2, mode);
        var eight = RunOn(8, mode);

        Assert.Equal(one.Samples, two.Samples);
        Assert.Equal(one.Samples, eight.Samples);
        Assert.Equal(one.Statistics, two.Statistics);
        Assert.Equal(one.Statistics, eight.Statistics);
        Assert.Equal(Encoding.UTF8.GetBytes(one.Statistics), Encoding.UTF8.GetBytes(eight.Statistics));
    }

    [Fact]
    public void StoppingAtATarget_StopsAtTheSameCheckpoint_OnAnyNumberOfThreads()
    {
        var one = RunOn(1, MonteCarloMode.Technosphere, target: 0.002);
        var eight = RunOn(8, MonteCarloMode.Technosphere, target: 0.002);
        var statistics = FootprintResultJson.Read(one.Statistics).ThrowIfInvalid().Uncertainty!;

        Assert.Equal(one.Statistics, eight.Statistics);
        Assert.True(statistics.Iterations < 3000, $"ran {statistics.Iterations}");
        Assert.Equal(0, statistics.Iterations % 100);
        Assert.True(statistics.RelativeStandardError <= 0.002);
        // The checkpoint before the last had not reached the target.
        Assert.True(statistics.Convergence[^2].RelativeStandardError > 0.002);
    }

    [Fact]
    public void AnotherSeed_GivesOtherDraws()
    {
        var (compiled, factors) = UncertainSystems.Prepare(UncertainSystems.PowerUser(), UncertainSystems.Power(UncertaintyDistribution.Normal(0.1)));
        var a = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 100, Seed = 1 }).ThrowIfInvalid();
        var b = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 100, Seed = 2 }).ThrowIfInvalid();

        Assert.NotEqual(a.Statistics.Total.Mean, b.Statistics.Total.Mean);
    }
}
