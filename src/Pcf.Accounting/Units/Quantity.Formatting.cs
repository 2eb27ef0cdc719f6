using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Pcf.Accounting.Units;

/// <content>Text: "12.5 kWh", invariant culture, round-trip by default.</content>
public readonly partial struct Quantity
{
    /// <summary>Formats as the round-trip number, a space and the unit's symbol, in the invariant culture: <c>12.5 kWh</c>.</summary>
    /// <returns>The text, which <see cref="Parse(string)"/> reads back to an equal quantity.</returns>
    /// <remarks>A dimensionless quantity prints as the number alone.</remarks>
    public override string ToString() => ToString(null, null);

    /// <summary>Formats the value with a numeric format, then a space and the unit's symbol.</summary>
    /// <param name="format">A <see cref="double"/> format string; <see langword="null"/> or empty for <c>R</c> (round trip).</param>
    /// <param name="formatProvider">The culture for the number; <see langword="null"/> for the invariant culture.</param>
    /// <returns>The text, such as <c>12.5 kWh</c>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        string number = Value.ToString(string.IsNullOrEmpty(format) ? "R" : format, formatProvider ?? CultureInfo.InvariantCulture);
        return ReferenceEquals(Unit, Unit.One) ? number : number + " " + Unit.Symbol;
    }

    /// <summary>Formats into a span, like <see cref="ToString(string?, IFormatProvider?)"/>, without allocating.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">A <see cref="double"/> format; empty for <c>R</c>.</param>
    /// <param name="provider">The culture for the number; <see langword="null"/> for the invariant culture.</param>
    /// <returns><see langword="true"/> when <paramref name="destination"/> was long enough.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (!Value.TryFormat(destination, out int written, format.IsEmpty ? "R" : format, provider ?? CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (!ReferenceEquals(Unit, Unit.One))
        {
            string symbol = Unit.Symbol;
            if (destination.Length < written + 1 + symbol.Length)
            {
                return false;
            }

            destination[written++] = ' ';
            symbol.AsSpan().CopyTo(destination[written..]);
            written += symbol.Length;
        }

        charsWritten = written;
        return true;
    }

    /// <summary>Reads a quantity such as <c>12.5 kWh</c>: an invariant-culture number, white space, and a unit symbol or alias.</summary>
    /// <param name="text">The text; a number alone is dimensionless.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The number is missing, malformed or not finite.</exception>
    /// <exception cref="UnknownUnitException">The unit symbol is not known.</exception>
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out var quantity, out string? unknownSymbol)
            ? quantity
            : unknownSymbol is not null
                ? throw new UnknownUnitException(unknownSymbol)
                : throw new FormatException($"'{text}' is not a quantity such as '12.5 kWh'.");
    }

    /// <summary>Reads a quantity such as <c>12.5 kWh</c> without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="quantity">The quantity when read; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a finite number and a known unit.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Quantity quantity)
    {
        if (text is null)
        {
            quantity = default;
            return false;
        }

        return TryParseCore(text, out quantity, out _);
    }

    private static bool TryParseCore(string text, out Quantity quantity, out string? unknownSymbol)
    {
        quantity = default;
        unknownSymbol = null;
        var span = text.AsSpan().Trim();
        int space = span.IndexOfAny(' ', '\t');
        var numberPart = space < 0 ? span : span[..space];
        var symbolPart = space < 0 ? ReadOnlySpan<char>.Empty : span[(space + 1)..].Trim();
        if (!double.TryParse(numberPart, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            || !double.IsFinite(value))
        {
            return false;
        }

        Unit? unit = Unit.One;
        if (!symbolPart.IsEmpty && !Unit.TryParse(symbolPart, out unit))
        {
            unknownSymbol = symbolPart.ToString();
            return false;
        }

        quantity = new(value, unit);
        return true;
    }
}
