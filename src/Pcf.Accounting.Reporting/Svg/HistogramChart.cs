using System.Globalization;
using System.Text;
using Pcf.Accounting.Reporting.Html;
using Pcf.Accounting.Reporting.Model;
using static Pcf.Accounting.Reporting.Svg.BarChart;

namespace Pcf.Accounting.Reporting.Svg;

/// <summary>A histogram of Monte Carlo draws as inline SVG, with the percentiles marked as vertical lines.</summary>
internal static class HistogramChart
{
    private const double Width = 720;
    private const double Height = 260;
    private const double Left = 48;
    private const double Right = 12;
    private const double Top = 22;
    private const double Bottom = 34;

    /// <summary>Writes the histogram.</summary>
    /// <param name="html">Where to write.</param>
    /// <param name="id">A page-unique id.</param>
    /// <param name="title">The title.</param>
    /// <param name="description">The text alternative.</param>
    /// <param name="section">The statistics.</param>
    public static void Write(StringBuilder html, string id, string title, string description, UncertaintySection section)
    {
        var bins = section.Histogram;
        double lo = bins.Length == 0 ? 0 : bins[0].Lower, hi = bins.Length == 0 ? 1 : bins[^1].Upper;
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        int most = bins.Length == 0 ? 1 : Math.Max(1, bins.Max(b => b.Count));
        double X(double v) => Left + ((v - lo) / (hi - lo) * (Width - Left - Right));
        double Y(double count) => Height - Bottom - (count / most * (Height - Top - Bottom));

        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart histogram\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMinYMin meet\">");
        html.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{HtmlText.Escape(title)}</title><desc id=\"{id}-d\">{HtmlText.Escape(description)}</desc>");
        foreach (var b in bins)
        {
            double x0 = X(b.Lower), x1 = X(b.Upper);
            html.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"pos\" x=\"{F(x0 + 0.5)}\" y=\"{F(Y(b.Count))}\" width=\"{F(Math.Max(0.5, x1 - x0 - 1))}\" height=\"{F(Height - Bottom - Y(b.Count))}\"><title>{HtmlText.Escape($"{Numbers.Display(b.Lower)} – {Numbers.Display(b.Upper)} kg CO2e: {b.Count}")}</title></rect>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{F(Left)}\" y1=\"{F(Height - Bottom)}\" x2=\"{F(Width - Right)}\" y2=\"{F(Height - Bottom)}\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(Left)}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"start\">{Numbers.Display(lo)}</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(Width - Right)}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"end\">{Numbers.Display(hi)} kg CO2e</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{F(Left - 4)}\" y=\"{F(Top + 4)}\" text-anchor=\"end\">{most}</text>");
        foreach (var (p, v) in section.Percentiles)
        {
            if (v < lo || v > hi)
            {
                continue;
            }

            double x = X(v);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"marker\" x1=\"{F(x)}\" y1=\"{F(Top - 6)}\" x2=\"{F(x)}\" y2=\"{F(Height - Bottom)}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{F(x)}\" y=\"{F(Top - 8)}\" text-anchor=\"middle\">P{p.ToString("0.#", CultureInfo.InvariantCulture)}</text>");
        }

        html.Append("</svg>");
    }
}
