using System.Text.Json.Serialization;
using Pcf.Accounting.Pact.Json;

namespace Pcf.Accounting.Pact.V3;

/// <summary>The unit of a PACT 3.0 declared unit (<c>declaredUnitOfMeasurement</c>); a closed list in the specification.</summary>
/// <remarks>The JSON names are the spec's words (<c>cubic meter</c>, <c>ton kilometer</c>); <see cref="PactUnits"/> maps them to <see cref="Units.Unit"/>.</remarks>
[JsonConverter(typeof(DeclaredUnitOfMeasurementConverter))]
public enum DeclaredUnitOfMeasurement
{
    /// <summary><c>liter</c>.</summary>
    Liter = 1,

    /// <summary><c>kilogram</c>.</summary>
    Kilogram = 2,

    /// <summary><c>cubic meter</c>.</summary>
    CubicMeter = 3,

    /// <summary><c>kilowatt hour</c>.</summary>
    KilowattHour = 4,

    /// <summary><c>megajoule</c>.</summary>
    Megajoule = 5,

    /// <summary><c>ton kilometer</c> (metric tonne times kilometre).</summary>
    TonKilometer = 6,

    /// <summary><c>square meter</c>.</summary>
    SquareMeter = 7,

    /// <summary><c>piece</c> (new in 3.0).</summary>
    Piece = 8,

    /// <summary><c>hour</c> (new in 3.0).</summary>
    Hour = 9,

    /// <summary><c>megabit second</c> (new in 3.0; no unit of <see cref="Units.Unit"/> matches it).</summary>
    MegabitSecond = 10,
}
