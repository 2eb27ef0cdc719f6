using Pcf.Accounting.Pact.V2;
using Pcf.Accounting.Pact.V3;

namespace Pcf.Accounting.Pact.Json;

/// <summary>The specification's names for closed value lists (from the 2.3.3 and 3.0.3 OpenAPI documents).</summary>
internal static class PactNames
{
    public static readonly (string, PfStatus)[] Statuses = [("Active", PfStatus.Active), ("Deprecated", PfStatus.Deprecated)];

    public static readonly (string, DeclaredUnitOfMeasurement)[] UnitsV3 =
    [
        ("liter", DeclaredUnitOfMeasurement.Liter), ("kilogram", DeclaredUnitOfMeasurement.Kilogram),
        ("cubic meter", DeclaredUnitOfMeasurement.CubicMeter), ("kilowatt hour", DeclaredUnitOfMeasurement.KilowattHour),
        ("megajoule", DeclaredUnitOfMeasurement.Megajoule), ("ton kilometer", DeclaredUnitOfMeasurement.TonKilometer),
        ("square meter", DeclaredUnitOfMeasurement.SquareMeter), ("piece", DeclaredUnitOfMeasurement.Piece),
        ("hour", DeclaredUnitOfMeasurement.Hour), ("megabit second", DeclaredUnitOfMeasurement.MegabitSecond),
    ];

    public static readonly (string, DeclaredUnit)[] UnitsV2 =
    [
        ("liter", DeclaredUnit.Liter), ("kilogram", DeclaredUnit.Kilogram), ("cubic meter", DeclaredUnit.CubicMeter),
        ("kilowatt hour", DeclaredUnit.KilowattHour), ("megajoule", DeclaredUnit.Megajoule),
        ("ton kilometer", DeclaredUnit.TonKilometer), ("square meter", DeclaredUnit.SquareMeter),
    ];

    public static readonly string[] Regions =
    [
        "Africa", "Americas", "Asia", "Europe", "Oceania", "Australia and New Zealand", "Central Asia", "Eastern Asia",
        "Eastern Europe", "Latin America and the Caribbean", "Melanesia", "Micronesia", "Northern Africa", "Northern America",
        "Northern Europe", "Polynesia", "South-eastern Asia", "Southern Asia", "Southern Europe", "Sub-Saharan Africa",
        "Western Asia", "Western Europe",
    ];

    public static readonly string[] Operators = ["PEF", "EPD International", "Other"];

    public static readonly string[] CoveragesV3 = ["PCF calculation model", "PCF program", "product level"];

    public static readonly string[] CcuApproaches = ["Cut-off", "Credit"];

    public static readonly string[] CharacterizationFactorsV2 = ["AR5", "AR6"];

    public static readonly string[] CrossSectoralStandardsUsedV2 = ["GHG Protocol Product standard", "ISO Standard 14067", "ISO Standard 14044"];

    public static readonly string[] CrossSectoralStandardsV2 = ["ISO14067", "ISO14083", "ISO14040-44", "GHGP-Product", "PEF", "PACT-1.0", "PACT-2.0", "PACT-3.0"];

    public static readonly string[] BiogenicAccountingMethodologies = ["PEF", "ISO", "GHGP", "Quantis"];

    public static readonly string[] AssuranceCoverages = ["corporate level", "product line", "PCF system", "product level"];

    public static readonly string[] AssuranceLevels = ["limited", "reasonable"];

    public static readonly string[] AssuranceBoundaries = ["Gate-to-Gate", "Cradle-to-Gate"];

    public static string Name(DeclaredUnitOfMeasurement unit) => UnitsV3.First(u => u.Item2 == unit).Item1;

    public static string Name(DeclaredUnit unit) => UnitsV2.First(u => u.Item2 == unit).Item1;
}
