using Pcf.Accounting.Model;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>A Monte Carlo run: its statistics and, when kept, its samples.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class MonteCarloRun
{
    internal MonteCarloRun(UncertaintyStatistics statistics, MonteCarloSamples? samples)
    {
        Statistics = statistics;
        Samples = samples;
    }

    /// <summary>Gets the statistics (what <see cref="Results.FootprintResult.Uncertainty"/> carries).</summary>
    public UncertaintyStatistics Statistics { get; }

    /// <summary>Gets every draw of every quantity, when <see cref="MonteCarloOptions.KeepSamples"/> asked for them; otherwise <see langword="null"/>.</summary>
    public MonteCarloSamples? Samples { get; }
}
