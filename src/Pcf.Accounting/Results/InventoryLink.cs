using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>A product input that another process of the system supplies: the link the supply chain follows.</summary>
/// <param name="Flow">The product.</param>
/// <param name="Supplier">The process that makes it.</param>
/// <param name="PerRun">The amount per run, as the system states it (unallocated).</param>
/// <param name="Amount">The amount for the demand, in the flow's reference unit.</param>
/// <param name="Co2e">The cradle-to-gate kg CO2e embodied in that amount (Amount × the supplier's footprint per unit); part of
/// the supplier's own contributions, so it is shown, never added to a total.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct InventoryLink(FlowId Flow, ProcessId Supplier, Quantity PerRun, double Amount, double Co2e)
{
    /// <summary>Gets how the amount per run was derived, if it was.</summary>
    public Derivation? Derivation { get; init; }
}
