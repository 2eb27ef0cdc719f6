using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Results;

/// <summary>One part of a resolved factor, per one requested unit: kg of a gas (or kg CO2e) and its CO2e in the result's GWP set.</summary>
/// <param name="Gas">The gas; <see langword="null"/> for an amount published in CO2e.</param>
/// <param name="Kind">The separately reported kind (emission, uptake, removal ...).</param>
/// <param name="Origin">The origin of a CO2e amount's carbon; <see cref="CarbonOrigin.NotApplicable"/> for a gas (its own origin applies).</param>
/// <param name="AmountPerUnit">kg of the gas (or kg CO2e) per requested unit; non-negative, the kind gives the sign.</param>
/// <param name="Co2ePerUnit">kg CO2e per requested unit, signed (removals negative).</param>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct InventoryFactorComponent(GreenhouseGas? Gas, ElementaryExchangeKind Kind, CarbonOrigin Origin, double AmountPerUnit, double Co2ePerUnit);
