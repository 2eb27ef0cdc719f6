using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>A product or service a process consumes per run, and who supplies it.</summary>
/// <param name="Flow">The flow consumed.</param>
/// <param name="Amount">The amount per run; zero or positive, of the flow's dimension.</param>
/// <param name="Supply">The supplier: a process in the system or an emission factor.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProductInput(FlowId Flow, Quantity Amount, Supply Supply)
{
    /// <summary>Gets how <see cref="Amount"/> was derived, if it was (its result equals the amount; checked when the system is built).</summary>
    public Derivation? Derivation { get; init; }

    /// <summary>Gets the uncertainty of <see cref="Amount"/>, if stated (relative to it; sampled by a Monte Carlo run).</summary>
    public Model.UncertaintyDistribution? Uncertainty { get; init; }
}
