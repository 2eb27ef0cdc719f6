using Pcf.Accounting.Factors;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>What one background emission factor contributes: the amount of its activity used per declared unit and the resulting CO2e.</summary>
/// <param name="Request">The factor request.</param>
/// <param name="AmountUsed">The amount of the activity used, in the request's unit (negative where a co-product displaces it).</param>
/// <param name="Co2ePerUnit">The factor's CO2e per unit of the activity, under the result's GWP set.</param>
/// <param name="Co2e">AmountUsed × Co2ePerUnit.</param>
/// <param name="Share">Co2e divided by the total excluding biogenic uptake.</param>
/// <param name="IsPrimaryData">Whether the factor is primary (supplier-specific) data.</param>
/// <param name="Source">Where the factor comes from: provider, dataset, document.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorContribution(FactorRequest Request, Quantity AmountUsed, double Co2ePerUnit, Quantity Co2e, double Share, bool IsPrimaryData, string Source);
