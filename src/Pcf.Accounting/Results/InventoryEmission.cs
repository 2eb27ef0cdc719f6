using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>A direct emission or removal of a process in the inventory: as stated per run, and in total for the demand.</summary>
/// <param name="Gas">The gas.</param>
/// <param name="Kind">The kind: emission, uptake, removal, capture ...</param>
/// <param name="PerRun">The mass per run, as the system states it.</param>
/// <param name="Kilograms">The mass for the demand (per run × the process's runs); non-negative, the kind gives the sign.</param>
/// <param name="Co2e">The kg CO2e for the demand in the result's GWP set, signed (removals negative).</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct InventoryEmission(GreenhouseGas Gas, ElementaryExchangeKind Kind, Quantity PerRun, double Kilograms, double Co2e)
{
    /// <summary>Gets how the amount per run was derived, if it was.</summary>
    public Derivation? Derivation { get; init; }
}
