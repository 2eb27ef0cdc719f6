using System.Globalization;

namespace Pcf.Accounting.Pact;

/// <summary>Decimal helpers: rounding doubles at the export edge, exact per-declared-unit arithmetic, and exact reading.</summary>
internal static class PactDecimals
{
    /// <summary>Rounds a double to a decimal with at most <paramref name="places"/> places, without trailing zeros; never -0.</summary>
    public static decimal FromDouble(double value, int places)
    {
        // (decimal)double keeps 15 significant digits; the rounding then fixes the places (away from zero at .5).
        decimal d = Math.Round((decimal)value, places, MidpointRounding.AwayFromZero);
        return Normalize(d);
    }

    /// <summary>Removes trailing zeros (2.000 → 2) and the sign of zero.</summary>
    public static decimal Normalize(decimal value) => value == 0m ? 0m : value / 1.0000000000000000000000000000m;

    /// <summary>Divides exactly when the quotient terminates within <paramref name="places"/> places; otherwise rounds and reports it.</summary>
    public static decimal Divide(decimal value, decimal divisor, int places, out bool exact)
    {
        decimal q = value / divisor;
        decimal rounded = Math.Round(q, places, MidpointRounding.AwayFromZero);
        exact = rounded * divisor == value;
        return Normalize(rounded);
    }

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The largest value a <see cref="decimal"/> holds: 79,228,162,514,264,337,593,543,950,335.</summary>
    private const string MaxText = "79228162514264337593543950335";

    /// <summary>Reads a decimal exactly, or says why it cannot: more significant digits or places than a <see cref="decimal"/> keeps
    /// (28 to 29 digits, 28 places), or a magnitude above its largest value. <see cref="decimal.Parse(string)"/> would round the
    /// first silently (a value with 30 places becomes 0) and throw on the second.</summary>
    /// <param name="text">A plain decimal (<c>-12.50</c>) or, for 2.3 JSON numbers, one with an exponent (<c>1.5e-3</c>).</param>
    /// <param name="value">The value, when exact.</param>
    /// <param name="problem">Why the text cannot be held exactly; <see langword="null"/> when it can.</param>
    /// <returns><see langword="true"/> when the value is exact.</returns>
    public static bool TryParseExact(string text, out decimal value, out string? problem)
    {
        value = 0;
        problem = null;
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (!decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value))
        {
            bool number = double.TryParse(text, Styles, CultureInfo.InvariantCulture, out double approximate) && double.IsFinite(approximate);
            problem = number
                ? $"{text} is beyond the range read exactly here: decimals up to ±{MaxText} (about 7.9e28)."
                : $"'{text}' is not a decimal.";
            return false;
        }

        // The digits the text states, without sign, exponent, leading zeros and trailing zeros after the point.
        string mantissa = text.TrimStart('+', '-');
        int exponent = 0;
        int e = mantissa.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            // An exponent beyond an int (0e99999999999 reads as 0) counts as a very large one: it cannot leave a non-zero value exact.
            string exponentText = mantissa[(e + 1)..];
            if (!int.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                exponent = exponentText.StartsWith('-') ? -(1 << 20) : 1 << 20;
            }
            mantissa = mantissa[..e];
        }

        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string integer = point < 0 ? mantissa : mantissa[..point], fraction = point < 0 ? string.Empty : mantissa[(point + 1)..].TrimEnd('0');
        string digits = (integer + fraction).TrimStart('0');
        int places = fraction.Length - exponent;
        if (digits.Length == 0)
        {
            return true; // zero, however written
        }

        digits = digits.TrimEnd('0');
        if (places > 28 || digits.Length > 28)
        {
            problem = $"{text} has {digits.Length} significant digit{(digits.Length == 1 ? string.Empty : "s")} and {Math.Max(places, 0)} decimal place{(places == 1 ? string.Empty : "s")}; "
                + $"decimals are read exactly up to 28 significant digits and 28 places, and this one would become {Text(value)}.";
            return false;
        }

        return true;
    }
}
