namespace Pcf.Accounting.Units;

/// <summary>The kind of physical or economic dimension a <see cref="Unit"/> measures.</summary>
/// <remarks>
/// The numeric values are serialized and never change. <see cref="Currency"/> on its own does not
/// name a dimension: each ISO 4217 currency is a separate <see cref="Dimension"/>.
/// </remarks>
public enum DimensionKind
{
    /// <summary>A pure number (a ratio, a share, a factor).</summary>
    Dimensionless = 0,

    /// <summary>Mass; the base unit is the kilogram.</summary>
    Mass = 1,

    /// <summary>Energy; the base unit is the joule.</summary>
    Energy = 2,

    /// <summary>Volume; the base unit is the cubic metre.</summary>
    Volume = 3,

    /// <summary>Length; the base unit is the metre.</summary>
    Length = 4,

    /// <summary>Area; the base unit is the square metre.</summary>
    Area = 5,

    /// <summary>Time; the base unit is the second.</summary>
    Time = 6,

    /// <summary>A number of discrete items; the base unit is the piece.</summary>
    Count = 7,

    /// <summary>Mass times distance, the measure of freight transport; the base unit is the kilogram kilometre.</summary>
    MassDistance = 8,

    /// <summary>Money in one ISO 4217 currency; see <see cref="Dimension.CurrencyCode"/>.</summary>
    Currency = 9,

    /// <summary>Information (data storage capacity), base unit the byte.</summary>
    Information = 10,
}
