using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Factors;

/// <summary>One part of an emission factor: kg of one gas, or kg CO2e, per unit of activity, of one separately reported kind.</summary>
/// <remarks>
/// <para>With <see cref="Gas"/> set, <see cref="Amount"/> is kg of that gas per the factor's
/// <see cref="EmissionFactor.PerUnit"/>; it can be characterized with any GWP set. With <see cref="Gas"/>
/// <see langword="null"/>, <see cref="Amount"/> is kg CO2e already characterized with the factor's
/// <see cref="EmissionFactor.GwpBasis"/>, and <see cref="Origin"/> tells fossil from biogenic where known.</para>
/// <para>The amount is a non-negative mass; <see cref="Kind"/> gives the sign, as for
/// <see cref="ElementaryExchange"/>: removals and captures (<see cref="ElementaryExchangeKind.BiogenicUptake"/> ...) subtract.</para>
/// </remarks>
/// <param name="Gas">The gas, or <see langword="null"/> for an amount in kg CO2e.</param>
/// <param name="Kind">The separately reported kind (an emission, a biogenic uptake, a land-use-change emission ...).</param>
/// <param name="Amount">kg of the gas (or kg CO2e) per unit of activity; finite and non-negative.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorComponent(GreenhouseGas? Gas, ElementaryExchangeKind Kind, double Amount)
{
    /// <summary>Gets the amount: kg of the gas, or kg CO2e, per unit of activity.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative, NaN or infinite.</exception>
    public double Amount { get; init; } = double.IsFinite(Amount) && Amount >= 0
        ? Amount
        : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "A factor amount must be finite and non-negative; the kind gives the sign.");

    /// <summary>Gets the origin of the carbon of a CO2e amount (<see cref="Gas"/> <see langword="null"/>); for a gas, its own origin.</summary>
    /// <value>The default value is <see cref="CarbonOrigin.NotApplicable"/> (not stated).</value>
    public CarbonOrigin Origin { get; init; }

    /// <summary>Gets the uncertainty of this component alone, if stated; it takes precedence over the factor's <see cref="EmissionFactor.Uncertainty"/>,
    /// and components with their own distributions are drawn independently of each other.</summary>
    public UncertaintyDistribution? Uncertainty { get; init; }

    /// <summary>Gets a value indicating whether the amount is already in kg CO2e (no gas given).</summary>
    public bool IsCo2e => Gas is null;

    /// <summary>Gets +1 for kinds that add to the footprint and -1 for removals and captures.</summary>
    public int Sign => Kind is ElementaryExchangeKind.BiogenicUptake or ElementaryExchangeKind.LandManagementRemoval
        or ElementaryExchangeKind.TechnologicalRemoval or ElementaryExchangeKind.CcsCapture ? -1 : 1;

    /// <summary>Creates an emission of a gas.</summary>
    /// <param name="gas">The gas.</param>
    /// <param name="kilograms">kg of the gas per unit of activity.</param>
    /// <returns>The component.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gas"/> is <see langword="null"/>.</exception>
    public static FactorComponent Emission(GreenhouseGas gas, double kilograms)
    {
        ArgumentNullException.ThrowIfNull(gas);
        return new(gas, ElementaryExchangeKind.Emission, kilograms);
    }

    /// <summary>Creates an emission already in kg CO2e.</summary>
    /// <param name="kilogramsCo2e">kg CO2e per unit of activity.</param>
    /// <param name="origin">The origin of the carbon, if known.</param>
    /// <returns>The component.</returns>
    public static FactorComponent Co2e(double kilogramsCo2e, CarbonOrigin origin = CarbonOrigin.NotApplicable) =>
        new(null, ElementaryExchangeKind.Emission, kilogramsCo2e) { Origin = origin };

    /// <summary>Returns this component with its amount multiplied by a factor (a unit conversion).</summary>
    /// <param name="factor">The multiplier; finite and non-negative.</param>
    /// <returns>The scaled component.</returns>
    public FactorComponent Scale(double factor) => this with { Amount = Amount * factor };
}
