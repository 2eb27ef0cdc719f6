using Pcf.Accounting.Units;

namespace Pcf.Accounting.Factors;

/// <summary>The factor is per another unit of the same dimension; its amounts are multiplied by <see cref="Factor"/> (per kWh asked per MWh: × 1000).</summary>
/// <param name="FactorUnit">The unit the factor is per.</param>
/// <param name="RequestedUnit">The unit asked for.</param>
/// <param name="Factor">Amounts per <paramref name="FactorUnit"/> times this are amounts per <paramref name="RequestedUnit"/>.</param>
public sealed record UnitConversion(Unit FactorUnit, Unit RequestedUnit, double Factor) : FactorFallback
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"unit per {FactorUnit.Symbol} -> per {RequestedUnit.Symbol} (x {Factor.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
}
