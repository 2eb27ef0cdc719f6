using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Pcf.Accounting.Benchmarks.Synthetic;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Benchmarks.Uncertainty;

/// <summary>Monte Carlo on the synthetic market system of 20,000 processes (alpha 1.5) with invented distributions
/// (<see cref="UncertainSyntheticSystem"/>), on every processor: factor-only sampling (the scaling vector stays, no
/// refactorization) and technosphere sampling (every draw refactorizes the technosphere on its fixed pattern and solves it).</summary>
/// <remarks>Each invocation is a whole run (seconds), so the class brings its own job: in process with a long timeout, one warm-up
/// and three measured iterations; each iteration also logs the process CPU time it took (<c>// cpu_ms=…</c>), as the machine is
/// shared. The targets are 10,000 factor-only iterations in at most 2 s and 1,000 technosphere iterations in at most 60 s. Run from
/// <c>benchmarks/Pcf.Accounting.Benchmarks</c>: <c>dotnet bin/Release/net10.0/Pcf.Accounting.Benchmarks.dll --filter '*MonteCarloBenchmarks*'</c>.
/// The <c>montecarlo</c> command times the same runs without BenchmarkDotNet (and the fixed-scaling run with every emission uncertain).</remarks>
[MemoryDiagnoser]
[Config(typeof(LongRunConfig))]
public class MonteCarloBenchmarks
{
    private TimeSpan _cpu;

    private CompiledSystem _factorsOnly = null!;
    private FactorResolution _factorsOnlyFactors = null!;
    private CompiledSystem _all = null!;
    private FactorResolution _allFactors = null!;

    /// <summary>Gets or sets the number of processes.</summary>
    [Params(20_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_factorsOnly, _factorsOnlyFactors) = UncertainSyntheticSystem.Prepare(N, 1.5, UncertaintyScope.Factors);
        (_all, _allFactors) = UncertainSyntheticSystem.Prepare(N, 1.5, UncertaintyScope.All);
    }

    /// <summary>10,000 iterations, only the 1,000 background factors uncertain (fixed scaling).</summary>
    [Benchmark]
    public double FactorOnly10k() => Run(_factorsOnly, _factorsOnlyFactors, 10_000, MonteCarloMode.FixedScaling);

    /// <summary>1,000 iterations with every product input, direct emission and factor uncertain: refactorize and solve per draw.</summary>
    [Benchmark]
    public double Technosphere1k() => Run(_all, _allFactors, 1_000, MonteCarloMode.Technosphere);

    [IterationSetup]
    public void StartCpu() => _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void StopCpu() =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// cpu_ms={(Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalMilliseconds:F0}"));

    private static double Run(CompiledSystem compiled, FactorResolution factors, int iterations, MonteCarloMode mode) =>
        MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = iterations, Seed = 1, Mode = mode }).ThrowIfInvalid().Statistics.Total.Mean;

    /// <summary>In process (no generated project to build on a busy machine), with a timeout fit for runs of a minute.</summary>
    private sealed class LongRunConfig : ManualConfig
    {
        public LongRunConfig() =>
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithId("MonteCarlo"));
    }
}
