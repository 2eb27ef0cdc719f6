using System.Collections.Immutable;
using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>How a Monte Carlo run samples and what it reports.</summary>
/// <remarks>Every setting is checked when it is set (also by <c>with</c>). The run is reproducible: the same system, factors, options
/// and seed give bit-identical draws, samples and statistics whatever <see cref="MaxDegreeOfParallelism"/> is.</remarks>
/// <example><code>
/// var options = new MonteCarloOptions { Iterations = 10_000, Seed = 42, TargetRelativeStandardError = 0.002 };
/// </code></example>
/// <threadsafety>Immutable.</threadsafety>
public sealed record MonteCarloOptions
{
    /// <summary>Gets the default options.</summary>
    public static MonteCarloOptions Default { get; } = new();

    /// <summary>Gets how many iterations to run (at most; fewer when <see cref="TargetRelativeStandardError"/> is reached first).</summary>
    /// <value>The default value is 1,000.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 2 or above 10,000,000 (a run keeps 128 bytes per iteration for its percentiles).</exception>
    public int Iterations
    {
        get;
        init => field = value is >= 2 and <= 10_000_000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Iterations must be from 2 to 10,000,000.");
    } = 1000;

    /// <summary>Gets the seed: each iteration's draws are a pure function of the seed, the iteration and the input drawn.</summary>
    /// <value>The default value is 1, so that a run reproduces unless another seed is chosen.</value>
    public long Seed { get; init; } = 1;

    /// <summary>Gets the largest number of threads; <see langword="null"/> for one per processor.</summary>
    /// <value>The default value is <see langword="null"/>. The result does not depend on it.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int? MaxDegreeOfParallelism
    {
        get;
        init => field = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one thread.");
    }

    /// <summary>Gets what to sample.</summary>
    /// <value>The default value is <see cref="MonteCarloMode.Automatic"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a mode.</exception>
    public MonteCarloMode Mode
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a Monte Carlo mode.");
    }

    /// <summary>Gets the relative standard error of the running mean of the total at which to stop, checked at each convergence
    /// checkpoint (in iteration order, so the stopping point does not depend on the threads); <see langword="null"/> to run every iteration.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not positive and finite.</exception>
    public double? TargetRelativeStandardError
    {
        get;
        init => field = value is null || (double.IsFinite(value.Value) && value > 0) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive and finite.");
    }

    /// <summary>Gets the iterations between two convergence checkpoints; 0 for a fiftieth of <see cref="Iterations"/>, at least 100.</summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0.</exception>
    public int ConvergenceInterval
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must not be negative.");
    }

    /// <summary>Gets the pedigree matrix that widens the data-quality scores of factors without a distribution; <see langword="null"/> to leave them fixed.</summary>
    /// <value>The default value is <see cref="PedigreeMatrix.Ecoinvent3"/>.</value>
    public PedigreeMatrix? Pedigree { get; init; } = PedigreeMatrix.Ecoinvent3;

    /// <summary>Gets the percentiles to report (0 to 100, exclusive), besides the median.</summary>
    /// <value>The default value is 2.5, 5, 95 and 97.5.</value>
    /// <exception cref="ArgumentOutOfRangeException">A percentile is not strictly between 0 and 100.</exception>
    public ImmutableArray<double> Percentiles
    {
        get;
        init => field = value.IsDefault ? [] : value.All(p => p is > 0 and < 100)
            ? [.. value.Distinct().Order()]
            : throw new ArgumentOutOfRangeException(nameof(value), "Percentiles lie strictly between 0 and 100.");
    } = [2.5, 5, 95, 97.5];

    /// <summary>Gets how many uncertain inputs to report in the contribution to variance, largest first; 0 for none.</summary>
    /// <value>The default value is 10.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0 or above 1,000.</exception>
    public int ContributionCount
    {
        get;
        init => field = value is >= 0 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "From 0 to 1,000.");
    } = 10;

    /// <summary>Gets the number of histogram bins of the total.</summary>
    /// <value>The default value is 30.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above 1,000.</exception>
    public int HistogramBins
    {
        get;
        init => field = value is >= 1 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "From 1 to 1,000.");
    } = 30;

    /// <summary>Gets a value indicating whether the run keeps every draw of every reported quantity (<see cref="MonteCarloRun.Samples"/>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool KeepSamples { get; init; }

    /// <summary>Gets how often a draw that makes the technosphere singular (or the result not finite) is redrawn before the run fails.</summary>
    /// <value>The default value is 10. A redraw uses the next attempt's numbers of the same iteration, so it is as reproducible as the first.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0 or above 1,000.</exception>
    public int MaxRedraws
    {
        get;
        init => field = value is >= 0 and <= 1000 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "From 0 to 1,000.");
    } = 10;

    /// <summary>The interval between convergence checkpoints for these options.</summary>
    internal int CheckpointInterval => ConvergenceInterval > 0 ? ConvergenceInterval : Math.Max(100, Iterations / 50);
}
