using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Uncertainty;

namespace Pcf.Accounting.Sampling;

/// <summary>A footprint with its uncertainty: the result (its <see cref="FootprintResult.Uncertainty"/> set) and the Monte Carlo run.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed class UncertaintyCalculation
{
    internal UncertaintyCalculation(FootprintResult result, MonteCarloRun run)
    {
        Result = result;
        Run = run;
    }

    /// <summary>Gets the deterministic result with the run's statistics attached.</summary>
    public FootprintResult Result { get; }

    /// <summary>Gets the run: its statistics and, when kept, its samples.</summary>
    public MonteCarloRun Run { get; }
}
