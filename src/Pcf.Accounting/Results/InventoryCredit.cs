using Pcf.Accounting.Model;

namespace Pcf.Accounting.Results;

/// <summary>A co-product that displaces the product of another process of the system (system expansion): the credit line.</summary>
/// <param name="Flow">The co-product.</param>
/// <param name="Displaced">The process whose supply it displaces.</param>
/// <param name="AmountPerRun">The amount per run, in the flow's reference unit.</param>
/// <param name="Amount">The amount for the demand.</param>
/// <param name="Co2e">−Amount × the displaced product's footprint per unit: the credit, kg CO2e (already within the totals, through the
/// technosphere; shown so that it is never netted silently).</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct InventoryCredit(FlowId Flow, ProcessId Displaced, double AmountPerRun, double Amount, double Co2e);
