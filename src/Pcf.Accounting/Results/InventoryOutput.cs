using Pcf.Accounting.Model;

namespace Pcf.Accounting.Results;

/// <summary>One output a process makes for the demand: a column of the technosphere matrix (the reference product, or each
/// co-product under allocation), how often that column runs, and the footprint of one unit of its product.</summary>
/// <param name="Flow">The product.</param>
/// <param name="AmountPerRun">The amount per run, in the flow's reference unit.</param>
/// <param name="AllocationShare">The share of the process's exchanges this output carries (1 without allocation).</param>
/// <param name="Runs">How often this column runs for the demand (the scaling factor).</param>
/// <param name="FootprintPerUnit">The cradle-to-gate kg CO2e of one reference unit of the product, supply chain included (the solution of Aᵀλ = g).</param>
/// <param name="Derivation">How the amount per run was derived, if it was.</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct InventoryOutput(FlowId Flow, double AmountPerRun, double AllocationShare, double Runs, double FootprintPerUnit, Derivation? Derivation = null);
