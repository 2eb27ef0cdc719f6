namespace Pcf.Accounting.Units;

/// <summary>Thrown when a quantity is converted, added, subtracted or compared across dimensions (kg to kWh, EUR to CNY).</summary>
public sealed class IncompatibleUnitsException : UnitsException
{
    /// <summary>Initializes a new instance for a conversion from one unit to another.</summary>
    /// <param name="from">The unit converted from.</param>
    /// <param name="to">The unit asked for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="from"/> or <paramref name="to"/> is <see langword="null"/>.</exception>
    public IncompatibleUnitsException(Unit from, Unit to)
        : base(FormatMessage(from, to))
    {
        From = from;
        To = to;
    }

    /// <summary>Gets the unit converted from.</summary>
    public Unit From { get; }

    /// <summary>Gets the unit asked for.</summary>
    public Unit To { get; }

    private static string FormatMessage(Unit from, Unit to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return $"Cannot convert '{from.Symbol}' ({from.Dimension}) to '{to.Symbol}' ({to.Dimension}): the dimensions differ.";
    }
}
