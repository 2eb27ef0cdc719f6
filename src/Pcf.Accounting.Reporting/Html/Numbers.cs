using System.Globalization;

namespace Pcf.Accounting.Reporting.Html;

/// <summary>How numbers are shown: rounded for reading, exact in <c>data-value</c> attributes for machines and tests.</summary>
internal static class Numbers
{
    /// <summary>Significant digits shown.</summary>
    private const int Significant = 4;

    /// <summary>The shortest text that reads back as the same double.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The round-trip text, invariant culture.</returns>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A value rounded to four significant digits, with a comma between thousands (exponent form beyond 1e9 and below 1e-4).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, such as <c>1,234</c>, <c>9.46</c>, <c>0.003590</c> as <c>0.00359</c>, <c>-2.5</c>.</returns>
    public static string Display(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : Exact(value);
        }

        double magnitude = Math.Abs(value);
        if (magnitude >= 1e9 || magnitude < 1e-4)
        {
            return value.ToString("0.###e+0", CultureInfo.InvariantCulture);
        }

        int decimals = Math.Max(0, Significant - 1 - (int)Math.Floor(Math.Log10(magnitude)));
        string text = Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text == "-0" ? "0" : text;
    }

    /// <summary>A share as a percentage with one decimal, such as <c>12.3%</c>; tiny non-zero shares as <c>&lt;0.1%</c>.</summary>
    /// <param name="share">The share, 1 = 100 %.</param>
    /// <returns>The text.</returns>
    public static string Percent(double share)
    {
        double percent = share * 100;
        if (percent == 0)
        {
            return "0%";
        }

        if (Math.Abs(percent) < 0.05)
        {
            return percent < 0 ? "-<0.1%" : "<0.1%";
        }

        return percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>An integer with invariant digits.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
