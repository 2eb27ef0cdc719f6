using System.Globalization;

namespace Pcf.Accounting.Pact;

/// <summary>Decimal helpers: rounding doubles at the export edge, and exact per-declared-unit arithmetic.</summary>
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
}
