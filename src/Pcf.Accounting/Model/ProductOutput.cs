using Pcf.Accounting.Units;

namespace Pcf.Accounting.Model;

/// <summary>A product a process delivers per run: its reference product or a co-product, with the properties allocation needs.</summary>
/// <remarks>
/// The allocation properties are per one reference unit of the flow (per kg of slag, per kWh):
/// <see cref="MassPerUnit"/> and <see cref="EnergyPerUnit"/> may be left out when the flow itself is
/// measured in mass or energy. <see cref="Displaces"/> is the supply a co-product replaces under
/// system expansion.
/// </remarks>
/// <param name="Flow">The flow produced.</param>
/// <param name="Amount">The amount per run; positive, of the flow's dimension.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProductOutput(FlowId Flow, Quantity Amount)
{
    /// <summary>Gets the mass of one reference unit of the flow (for mass allocation), if stated.</summary>
    public Quantity? MassPerUnit { get; init; }

    /// <summary>Gets the energy content (net calorific value) of one reference unit of the flow (for energy allocation), if stated.</summary>
    public Quantity? EnergyPerUnit { get; init; }

    /// <summary>Gets the price of one reference unit of the flow (for economic allocation), if stated.</summary>
    public Quantity? PricePerUnit { get; init; }

    /// <summary>Gets the stated allocation share in [0, 1] (for <see cref="AllocationMethod.Stated"/>), if stated.</summary>
    public double? Share { get; init; }

    /// <summary>Gets how <see cref="ProductOutput.Amount"/> was derived, if it was (its result equals the amount; checked when the system is built).</summary>
    public Derivation? Derivation { get; init; }

    /// <summary>Gets the uncertainty of <see cref="ProductOutput.Amount"/>, if stated (relative to it; sampled by a Monte Carlo run).</summary>
    /// <remarks>Allocation shares are computed once from the stated amounts and stay fixed in every draw.</remarks>
    public Model.UncertaintyDistribution? Uncertainty { get; init; }

    /// <summary>Gets the supply this output displaces under system expansion, if stated.</summary>
    public Supply? Displaces { get; init; }
}
