namespace Pcf.Accounting.Units;

/// <summary>Thrown by <see cref="Unit.Parse(string)"/> when a symbol names no registered unit.</summary>
/// <remarks>Symbols are case-sensitive: <c>KWH</c> is unknown, <c>kWh</c> is the kilowatt hour.</remarks>
public sealed class UnknownUnitException : UnitsException
{
    /// <summary>Initializes a new instance for a symbol.</summary>
    /// <param name="symbol">The symbol that was not found.</param>
    /// <exception cref="ArgumentNullException"><paramref name="symbol"/> is <see langword="null"/>.</exception>
    public UnknownUnitException(string symbol)
        : base($"'{symbol ?? throw new ArgumentNullException(nameof(symbol))}' is not a known unit.") => Symbol = symbol;

    /// <summary>Gets the symbol that was not found, as given.</summary>
    public string Symbol { get; }
}
