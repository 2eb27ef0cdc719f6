using System.Collections.Immutable;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Gases;

/// <summary>Masses of greenhouse gases (kg per gas), such as the life-cycle inventory of a product; characterized to CO2e with a <see cref="GwpSet"/>.</summary>
/// <remarks>
/// Masses are net amounts and may be negative (a removal). Gases are kept ordered by id, and every
/// sum runs in that order, so a result is bit-identical whatever order the masses were added in.
/// </remarks>
/// <example><code>
/// var inventory = GasInventory.Empty
///     .Add(GreenhouseGas.Ch4Fossil, Quantity.Of(1, Unit.Kilogram))
///     .Add(GreenhouseGas.N2O, Quantity.Of(1000, Unit.Gram));
/// Quantity co2e = inventory.Characterize(GwpSet.Ar6).Total;   // 1 × 29.8 + 1 × 273 = 302.8 kg
/// </code></example>
/// <threadsafety>Immutable.</threadsafety>
public sealed class GasInventory
{
    private readonly ImmutableSortedDictionary<GreenhouseGas, double> _kilograms;

    private GasInventory(ImmutableSortedDictionary<GreenhouseGas, double> kilograms) => _kilograms = kilograms;

    /// <summary>Gets the inventory with no gas.</summary>
    public static GasInventory Empty { get; } = new(ImmutableSortedDictionary.Create<GreenhouseGas, double>());

    /// <summary>Gets the gases in the inventory, ordered by id.</summary>
    public IEnumerable<GreenhouseGas> Gases => _kilograms.Keys;

    /// <summary>Gets the number of gases in the inventory.</summary>
    public int Count => _kilograms.Count;

    /// <summary>Creates an inventory from masses; masses of the same gas are added.</summary>
    /// <param name="masses">Gas and mass pairs.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="IncompatibleUnitsException">A mass is not in a unit of mass.</exception>
    public static GasInventory Of(IEnumerable<KeyValuePair<GreenhouseGas, Quantity>> masses)
    {
        ArgumentNullException.ThrowIfNull(masses);
        return masses.Aggregate(Empty, (inventory, pair) => inventory.Add(pair.Key, pair.Value));
    }

    /// <summary>Returns an inventory with <paramref name="mass"/> more of <paramref name="gas"/>.</summary>
    /// <param name="gas">The gas.</param>
    /// <param name="mass">The mass to add (negative for a removal).</param>
    /// <returns>The new inventory.</returns>
    /// <exception cref="IncompatibleUnitsException"><paramref name="mass"/> is not in a unit of mass.</exception>
    public GasInventory Add(GreenhouseGas gas, Quantity mass)
    {
        ArgumentNullException.ThrowIfNull(gas);
        double kg = mass.As(Unit.Kilogram);
        double total = _kilograms.TryGetValue(gas, out double existing) ? existing + kg : kg;
        return new(_kilograms.SetItem(gas, total));
    }

    /// <summary>Returns the mass of a gas, zero when absent.</summary>
    /// <param name="gas">The gas.</param>
    /// <returns>The mass in kilograms.</returns>
    public Quantity MassOf(GreenhouseGas gas)
    {
        ArgumentNullException.ThrowIfNull(gas);
        return Quantity.Of(_kilograms.GetValueOrDefault(gas), Unit.Kilogram);
    }

    /// <summary>Returns every mass multiplied by <paramref name="factor"/> (an inventory per run scaled to many runs).</summary>
    /// <param name="factor">A finite number.</param>
    /// <returns>The scaled inventory.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is not finite.</exception>
    public GasInventory Scale(double factor)
    {
        if (!double.IsFinite(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A scale factor must be finite.");
        }

        var builder = _kilograms.ToBuilder();
        foreach (var gas in _kilograms.Keys)
        {
            builder[gas] = _kilograms[gas] * factor;
        }

        return new(builder.ToImmutable());
    }

    /// <summary>Characterizes the inventory: the CO2e of each gas and the total, under a GWP set.</summary>
    /// <param name="gwp">The GWP set.</param>
    /// <returns>One line per gas, ordered by id, and their sum.</returns>
    /// <exception cref="KeyNotFoundException">The set has no factor for a gas of the inventory.</exception>
    public Co2eBreakdown Characterize(GwpSet gwp)
    {
        ArgumentNullException.ThrowIfNull(gwp);
        var lines = ImmutableArray.CreateBuilder<GasCo2e>(_kilograms.Count);
        double total = 0;
        foreach (var (gas, kg) in _kilograms)
        {
            double factor = gwp.FactorOf(gas);
            double co2e = kg * factor;
            total += co2e;
            lines.Add(new GasCo2e(gas, Quantity.Of(kg, Unit.Kilogram), factor, Quantity.Of(co2e, Unit.Kilogram)));
        }

        return new Co2eBreakdown(gwp, lines.MoveToImmutable(), Quantity.Of(total, Unit.Kilogram));
    }
}
