using System.Diagnostics.CodeAnalysis;
using Pcf.Accounting.Pact.V3;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Pact;

/// <summary>Maps <see cref="Unit"/>s to and from PACT declared-unit names.</summary>
/// <remarks>
/// <para>Each dimension has one PACT unit: mass → <c>kilogram</c>; volume → <c>liter</c> (<c>cubic meter</c> for
/// m3 and Nm3); energy → <c>kilowatt hour</c> for watt-hour units, <c>megajoule</c> for joule units and coal
/// equivalents; mass·distance → <c>ton kilometer</c>; area → <c>square meter</c>; count → <c>piece</c>;
/// time → <c>hour</c>. Length, currency and dimensionless units have no PACT name, and <c>megabit second</c>
/// has no <see cref="Unit"/>.</para>
/// <para>2.3 lacks <c>piece</c> and <c>hour</c>; <see cref="PactConverter"/> re-expresses pieces per kilogram.</para>
/// </remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public static class PactUnits
{
    /// <summary>Finds the PACT 3.0 unit in which an amount of <paramref name="unit"/> is declared.</summary>
    /// <param name="unit">Our unit.</param>
    /// <param name="declaredUnit">The PACT unit.</param>
    /// <returns><see langword="true"/> when PACT can express the unit's dimension.</returns>
    public static bool TryGetDeclaredUnit(Unit unit, out DeclaredUnitOfMeasurement declaredUnit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        DeclaredUnitOfMeasurement? found = unit.Dimension.Kind switch
        {
            DimensionKind.Mass => DeclaredUnitOfMeasurement.Kilogram,
            DimensionKind.Volume => unit == Unit.CubicMetre || unit == Unit.NormalCubicMetre ? DeclaredUnitOfMeasurement.CubicMeter : DeclaredUnitOfMeasurement.Liter,
            DimensionKind.Energy => unit.CanConvertTo(Unit.KilowattHour) && unit.Symbol.EndsWith("Wh", StringComparison.Ordinal)
                ? DeclaredUnitOfMeasurement.KilowattHour : DeclaredUnitOfMeasurement.Megajoule,
            DimensionKind.MassDistance => DeclaredUnitOfMeasurement.TonKilometer,
            DimensionKind.Area => DeclaredUnitOfMeasurement.SquareMeter,
            DimensionKind.Count => DeclaredUnitOfMeasurement.Piece,
            DimensionKind.Time => DeclaredUnitOfMeasurement.Hour,
            _ => null,
        };
        declaredUnit = found.GetValueOrDefault();
        return found.HasValue;
    }

    /// <summary>Gets the <see cref="Unit"/> a PACT 3.0 declared unit names.</summary>
    /// <param name="declaredUnit">The PACT unit.</param>
    /// <param name="unit">Our unit: <see cref="Unit.Kilogram"/>, <see cref="Unit.Litre"/>, <see cref="Unit.CubicMetre"/>, <see cref="Unit.KilowattHour"/>, <see cref="Unit.Megajoule"/>, <see cref="Unit.TonneKilometre"/>, <see cref="Unit.SquareMetre"/>, <see cref="Unit.Piece"/> or <see cref="Unit.Hour"/>.</param>
    /// <returns><see langword="false"/> for <see cref="DeclaredUnitOfMeasurement.MegabitSecond"/>, which has no unit here.</returns>
    public static bool TryGetUnit(DeclaredUnitOfMeasurement declaredUnit, [NotNullWhen(true)] out Unit? unit)
    {
        unit = declaredUnit switch
        {
            DeclaredUnitOfMeasurement.Liter => Unit.Litre,
            DeclaredUnitOfMeasurement.Kilogram => Unit.Kilogram,
            DeclaredUnitOfMeasurement.CubicMeter => Unit.CubicMetre,
            DeclaredUnitOfMeasurement.KilowattHour => Unit.KilowattHour,
            DeclaredUnitOfMeasurement.Megajoule => Unit.Megajoule,
            DeclaredUnitOfMeasurement.TonKilometer => Unit.TonneKilometre,
            DeclaredUnitOfMeasurement.SquareMeter => Unit.SquareMetre,
            DeclaredUnitOfMeasurement.Piece => Unit.Piece,
            DeclaredUnitOfMeasurement.Hour => Unit.Hour,
            _ => null,
        };
        return unit is not null;
    }

    /// <summary>Gets the specification's name of a 3.0 declared unit, such as <c>cubic meter</c>.</summary>
    /// <param name="declaredUnit">The unit.</param>
    /// <returns>The name.</returns>
    public static string NameOf(DeclaredUnitOfMeasurement declaredUnit) => Json.PactNames.Name(declaredUnit);

    internal static V2.DeclaredUnit? ToV2(DeclaredUnitOfMeasurement unit) => unit switch
    {
        DeclaredUnitOfMeasurement.Liter => V2.DeclaredUnit.Liter,
        DeclaredUnitOfMeasurement.Kilogram => V2.DeclaredUnit.Kilogram,
        DeclaredUnitOfMeasurement.CubicMeter => V2.DeclaredUnit.CubicMeter,
        DeclaredUnitOfMeasurement.KilowattHour => V2.DeclaredUnit.KilowattHour,
        DeclaredUnitOfMeasurement.Megajoule => V2.DeclaredUnit.Megajoule,
        DeclaredUnitOfMeasurement.TonKilometer => V2.DeclaredUnit.TonKilometer,
        DeclaredUnitOfMeasurement.SquareMeter => V2.DeclaredUnit.SquareMeter,
        _ => null,
    };

    internal static DeclaredUnitOfMeasurement ToV3(V2.DeclaredUnit unit) => (DeclaredUnitOfMeasurement)(int)unit; // same numbering for the shared seven
}
