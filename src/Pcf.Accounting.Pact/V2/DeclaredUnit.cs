using System.Text.Json.Serialization;
using Pcf.Accounting.Pact.Json;

namespace Pcf.Accounting.Pact.V2;

/// <summary>The declared unit of a PACT 2.3 footprint (<c>declaredUnit</c>); 3.0 renamed it <c>declaredUnitOfMeasurement</c> and added <c>piece</c>, <c>hour</c> and <c>megabit second</c>.</summary>
[JsonConverter(typeof(DeclaredUnitConverter))]
public enum DeclaredUnit
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

    /// <summary><c>ton kilometer</c>.</summary>
    TonKilometer = 6,

    /// <summary><c>square meter</c>.</summary>
    SquareMeter = 7,
}
