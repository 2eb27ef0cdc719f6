using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>A process's use of a background emission factor: an input supplied by a factor, or a co-product that displaces
/// one under system expansion (a credit, with a negative amount).</summary>
/// <param name="Factor">The index of the factor in <see cref="FootprintInventory.Factors"/>.</param>
/// <param name="Flow">The flow consumed (or displaced).</param>
/// <param name="PerRun">The amount per run, as the system states it (unallocated).</param>
/// <param name="Amount">The amount for the demand in the factor request's unit; negative for a displaced supply.</param>
/// <param name="Co2e">Amount × the factor's CO2e per unit, kg CO2e, signed.</param>
/// <param name="IsCredit">Whether a co-product displaces this supply (system expansion).</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct InventoryFactorUse(int Factor, FlowId Flow, Quantity PerRun, double Amount, double Co2e, bool IsCredit)
{
    /// <summary>Gets how the amount per run was derived, if it was.</summary>
    public Derivation? Derivation { get; init; }
}
