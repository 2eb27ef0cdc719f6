using System.Collections.Immutable;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Uncertainty;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Sampling;

/// <summary>Monte Carlo uncertainty analysis of a compiled system: seeded, parallel and reproducible.</summary>
/// <remarks>
/// <para>What is drawn: every amount with an <see cref="UncertaintyDistribution"/> (a process's inputs, outputs and direct emissions;
/// a factor and each of its components), and every background factor that has data-quality scores but no distribution, widened by
/// the pedigree matrix (<see cref="MonteCarloOptions.Pedigree"/>). One draw per input per iteration: a factor used by many processes
/// scales all of them alike, as one exchange split by allocation over several products does.</para>
/// <para>How: with <see cref="MonteCarloMode.FixedScaling"/> the scaling vector is solved once and each draw is a sum over the
/// factors' total use (no solve); with <see cref="MonteCarloMode.Technosphere"/> each draw refactorizes the technosphere on its
/// fixed pattern in a per-thread workspace (no new ordering, no allocation) and solves it. Automatic picks the second only when a
/// product exchange between processes has a distribution.</para>
/// <para>Reproducible: iteration i's numbers are a counter-based function (Philox4x32-10) of the seed, i and the input's key, so
/// the same seed gives bit-identical samples and statistics on 1, 2 or 8 threads, and two runs with the same seed give the same
/// draw to every input they share (<see cref="Compare(MonteCarloInput, MonteCarloInput, MonteCarloOptions?, CancellationToken)"/>).</para>
/// </remarks>
/// <example><code>
/// var compiled = CompiledSystem.Compile(system).ThrowIfInvalid();
/// var factors = (await resolver.ResolveAsync(compiled.FactorRequests, GwpSet.Ar6)).ThrowIfInvalid();
/// var run = MonteCarlo.Run(compiled, factors, new MonteCarloOptions { Iterations = 10_000, Seed = 42 }).ThrowIfInvalid();
/// Console.WriteLine($"{run.Statistics.Total.Mean:0.###} kg CO2e, 95 % in [{run.Statistics.Total.Percentile(2.5):0.###}, {run.Statistics.Total.Percentile(97.5):0.###}]");
/// </code></example>
/// <threadsafety>Thread-safe: a run owns its workspaces; the compiled system is shared read-only.</threadsafety>
public static class MonteCarlo
{
    /// <summary>Samples the footprint of a demand.</summary>
    /// <param name="compiled">The compiled system.</param>
    /// <param name="factors">Its resolved factors (every request of <see cref="CompiledSystem.FactorRequests"/>).</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="MonteCarloOptions.Default"/>.</param>
    /// <param name="demand">What to calculate; <see langword="null"/> for one declared unit of the reference product.</param>
    /// <param name="cancellationToken">Cancels the run (checked between blocks of iterations and by the threads).</param>
    /// <returns>The run, or the problems: a demand the system does not make (<c>PCF0503</c>), a solution of the stated amounts that is
    /// not finite (<c>PCF0502</c>), an iteration whose every redraw made the technosphere singular (<c>PCF0506</c>, naming the processes).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="compiled"/> or <paramref name="factors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="factors"/> lacks a request of the system.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static ValidationResult<MonteCarloRun> Run(CompiledSystem compiled, FactorResolution factors, MonteCarloOptions? options = null, Demand? demand = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(factors);
        options ??= MonteCarloOptions.Default;
        var model = MonteCarloModel.Build(compiled, factors, demand, options);
        return model.IsValid ? new MonteCarloSampler(model.Value, options).Run(cancellationToken) : ValidationResult.Failure<MonteCarloRun>(model.Problems);
    }

    /// <summary>Samples two products or scenarios with common random numbers and reports how their totals compare.</summary>
    /// <param name="a">The first.</param>
    /// <param name="b">The second.</param>
    /// <param name="options">The options (both sides run every iteration: a target relative standard error does not apply).</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>The comparison, or the problems of either side (prefixed <c>a:</c> or <c>b:</c> in their paths).</returns>
    /// <remarks>An input both sides share (the same factor in the same dataset, the same exchange of a process with the same id) gets
    /// the same draw in the same iteration, so P(A &lt; B) is not blurred by the noise of two independent runs. A draw that one side
    /// has to redraw (a singular technosphere) breaks that pairing for that iteration only.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="a"/> or <paramref name="b"/> is <see langword="null"/>.</exception>
    public static ValidationResult<MonteCarloComparison> Compare(MonteCarloInput a, MonteCarloInput b, MonteCarloOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options = (options ?? MonteCarloOptions.Default) with { TargetRelativeStandardError = null, KeepSamples = true };
        var runA = Run(a.System, a.Factors, options, a.Demand, cancellationToken);
        var runB = Run(b.System, b.Factors, options, b.Demand, cancellationToken);
        if (!runA.IsValid || !runB.IsValid)
        {
            return ValidationResult.Failure<MonteCarloComparison>([
                .. runA.Problems.Select(p => p with { Path = "a: " + p.Path }),
                .. runB.Problems.Select(p => p with { Path = "b: " + p.Path }),
            ]);
        }

        return ValidationResult.Success(Compare(runA.Value, runB.Value));
    }

    /// <summary>Compares two runs made with the same seed and iterations and with their samples kept, iteration by iteration.</summary>
    /// <param name="a">The first run.</param>
    /// <param name="b">The second run.</param>
    /// <returns>The comparison of their totals excluding biogenic uptake.</returns>
    /// <remarks>Runs of the same seed give the same draw to every input they share (see <see cref="Compare(MonteCarloInput, MonteCarloInput, MonteCarloOptions?, CancellationToken)"/>),
    /// which is what makes the pairing meaningful.</remarks>
    /// <exception cref="ArgumentNullException">A run is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A run kept no samples, or the runs differ in seed or iterations.</exception>
    public static MonteCarloComparison Compare(MonteCarloRun a, MonteCarloRun b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Samples is null || b.Samples is null)
        {
            throw new ArgumentException("Both runs must keep their samples (MonteCarloOptions.KeepSamples).", a.Samples is null ? nameof(a) : nameof(b));
        }

        if (a.Statistics.Seed != b.Statistics.Seed || a.Samples.Count != b.Samples.Count)
        {
            throw new ArgumentException($"The runs must have the same seed and iterations to share their draws; they have seeds {a.Statistics.Seed} and {b.Statistics.Seed}, iterations {a.Samples.Count} and {b.Samples.Count}.", nameof(b));
        }

        var x = a.Samples.ValuesOf(UncertaintyStatistics.QuantityNames[0]).Span;
        var y = b.Samples.ValuesOf(UncertaintyStatistics.QuantityNames[0]).Span;
        var difference = new double[x.Length];
        double below = 0;
        for (int i = 0; i < x.Length; i++)
        {
            difference[i] = x[i] - y[i];
            below += x[i] < y[i] ? 1 : x[i] == y[i] ? 0.5 : 0;
        }

        var percentiles = a.Statistics.Total.Percentiles.Select(p => p.Level).ToImmutableArray();
        return new MonteCarloComparison(a.Statistics, b.Statistics, SampleStatistics.Describe(UncertaintyStatistics.QuantityNames[0], difference, percentiles), below / x.Length);
    }
}
