using System.Globalization;
using System.Text;
using Pcf.Accounting.Reporting.Html;

namespace Pcf.Accounting.Reporting.Svg;

/// <summary>A horizontal bar chart as inline SVG: one bar per item from a zero line, negative values to the left in green.</summary>
/// <remarks>The chart is an image with a title and a description (<c>role="img"</c>, <c>aria-labelledby</c>); the page puts its
/// data table beside it. Every bar carries a <c>&lt;title&gt;</c> (a tooltip without script) with the full label and value.</remarks>
internal static class BarChart
{
    private const double Width = 720;
    private const double RowHeight = 24;
    private const double BarHeight = 16;
    private const double LabelWidth = 250;
    private const double ValueWidth = 110;
    private const double FontSize = 12;
    private const double Top = 6;

    /// <summary>One bar.</summary>
    /// <param name="Label">What it stands for.</param>
    /// <param name="Value">Its value (kg CO2e).</param>
    /// <param name="Note">Text after the value, such as the share.</param>
    /// <param name="IsOther">Whether it sums the items not drawn.</param>
    public readonly record struct Bar(string Label, double Value, string Note, bool IsOther = false);

    /// <summary>Writes the chart.</summary>
    /// <param name="html">Where to write.</param>
    /// <param name="id">A page-unique id for the chart's title and description.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="description">The text alternative: what the chart shows, in words.</param>
    /// <param name="bars">The bars, in the order drawn.</param>
    public static void Write(StringBuilder html, string id, string title, string description, IReadOnlyList<Bar> bars)
    {
        double height = Top * 2 + Math.Max(1, bars.Count) * RowHeight;
        double min = Math.Min(0, bars.Count == 0 ? 0 : bars.Min(b => b.Value));
        double max = Math.Max(0, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        double span = max - min == 0 ? 1 : max - min;
        double left = LabelWidth + 8, right = Width - ValueWidth - 8;
        double X(double v) => left + ((v - min) / span * (right - left));

        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart bars\" viewBox=\"0 0 {F(Width)} {F(height)}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMinYMin meet\">");
        html.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{HtmlText.Escape(title)}</title><desc id=\"{id}-d\">{HtmlText.Escape(description)}</desc>");
        double zero = X(0);
        for (int i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            double y = Top + (i * RowHeight);
            double x0 = Math.Min(X(bar.Value), zero), x1 = Math.Max(X(bar.Value), zero);
            string kind = bar.IsOther ? "other" : bar.Value < 0 ? "neg" : "pos";
            string value = Numbers.Display(bar.Value);
            html.Append("<g class=\"bar\">");
            html.Append(CultureInfo.InvariantCulture, $"<title>{HtmlText.Escape($"{bar.Label}: {value} kg CO2e {bar.Note}".TrimEnd())}</title>");
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(LabelWidth)}\" y=\"{F(y + (BarHeight / 2) + 4)}\" text-anchor=\"end\">{HtmlText.Escape(HtmlText.Fit(bar.Label, LabelWidth - 4, FontSize))}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"{kind}\" x=\"{F(x0)}\" y=\"{F(y)}\" width=\"{F(Math.Max(x1 - x0, bar.Value == 0 ? 0 : 1))}\" height=\"{F(BarHeight)}\" rx=\"2\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{F(Width - 4)}\" y=\"{F(y + (BarHeight / 2) + 4)}\" text-anchor=\"end\">{HtmlText.Escape($"{value} {bar.Note}".TrimEnd())}</text>");
            html.Append("</g>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(zero)}\" y1=\"{F(Top - 3)}\" x2=\"{F(zero)}\" y2=\"{F(height - Top + 3)}\"/>");
        html.Append("</svg>");
    }

    /// <summary>A coordinate with at most two decimals.</summary>
    /// <param name="value">The coordinate.</param>
    /// <returns>The text.</returns>
    internal static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
