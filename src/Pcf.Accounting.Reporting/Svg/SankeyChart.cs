using System.Globalization;
using System.Text;
using Pcf.Accounting.Reporting.Html;
using Pcf.Accounting.Reporting.Model;
using static Pcf.Accounting.Reporting.Svg.BarChart;

namespace Pcf.Accounting.Reporting.Svg;

/// <summary>The supply chain as a Sankey diagram in inline SVG: sources on the left, the product on the right, band widths proportional to CO2e.</summary>
/// <remarks>
/// <para>Columns: a node's column is its longest distance (in links) to the product, counted from the right, so every
/// band runs left to right (the graph is acyclic: loops are single nodes). Within a column nodes are ordered by a few
/// barycentre sweeps to reduce crossings. A band's width is its absolute CO2e; removals and credits are green.</para>
/// <para>The graph is small (at most a few dozen nodes after <see cref="SupplyChainBuilder"/> merges small ones), so the
/// layout's quadratic steps are cheap; nothing recurses.</para>
/// </remarks>
internal static class SankeyChart
{
    private const double Width = 960;
    private const double NodeWidth = 12;
    private const double Gap = 24;
    private const double Margin = 8;
    private const double FontSize = 11;
    private const double MinimumNodeHeight = 2;
    private const double LabelRoom = 170;

    /// <summary>Writes the diagram.</summary>
    /// <param name="html">Where to write.</param>
    /// <param name="id">A page-unique id.</param>
    /// <param name="title">The title.</param>
    /// <param name="description">The text alternative.</param>
    /// <param name="chain">The graph.</param>
    /// <param name="labelOf">The label of a node (with its kind's words).</param>
    public static void Write(StringBuilder html, string id, string title, string description, SupplyChain chain, Func<SupplyNode, string> labelOf)
    {
        var nodes = chain.Nodes;
        int n = nodes.Length;
        var links = chain.Links;
        var inflow = new double[n];
        var outflow = new double[n];
        foreach (var l in links)
        {
            outflow[l.Source] += Math.Abs(l.Co2e);
            inflow[l.Target] += Math.Abs(l.Co2e);
        }

        var size = new double[n];
        for (int i = 0; i < n; i++)
        {
            size[i] = Math.Max(inflow[i], outflow[i]);
        }

        // Depth: longest path to the product, by relaxation (at most n rounds on an acyclic graph).
        var depth = new int[n];
        for (int round = 0; round < n; round++)
        {
            bool changed = false;
            foreach (var l in links)
            {
                if (depth[l.Source] < depth[l.Target] + 1)
                {
                    depth[l.Source] = depth[l.Target] + 1;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        int columns = depth.Max() + 1;
        var column = new List<int>[columns];
        for (int c = 0; c < columns; c++)
        {
            column[c] = [];
        }

        for (int i = 0; i < n; i++)
        {
            column[columns - 1 - depth[i]].Add(i);
        }

        // Scale: the fullest column fits a drawing height that grows with the number of nodes in a column.
        int crowded = column.Max(c => c.Count);
        double plot = Math.Max(320, crowded * 34);
        double scale = double.MaxValue;
        foreach (var c in column)
        {
            double total = c.Sum(i => size[i]);
            if (total > 0)
            {
                scale = Math.Min(scale, (plot - ((c.Count - 1) * Gap)) / total);
            }
        }

        if (scale == double.MaxValue)
        {
            scale = 1;
        }

        double Height(int i) => Math.Max(MinimumNodeHeight, size[i] * scale);

        // Order within columns: by size, then barycentre sweeps against the neighbours' positions.
        foreach (var c in column)
        {
            c.Sort((a, b) => size[b].CompareTo(size[a]) is var order && order != 0 ? order : a.CompareTo(b));
        }

        var y = new double[n];
        void Place()
        {
            foreach (var c in column)
            {
                double at = Margin;
                foreach (int i in c)
                {
                    y[i] = at;
                    at += Height(i) + Gap;
                }
            }
        }

        Place();
        for (int sweep = 0; sweep < 4; sweep++)
        {
            bool rightToLeft = sweep % 2 == 0;
            for (int k = 0; k < columns; k++)
            {
                var c = column[rightToLeft ? columns - 1 - k : k];
                var centre = new Dictionary<int, double>();
                foreach (int i in c)
                {
                    double weight = 0, sum = 0;
                    foreach (var l in links)
                    {
                        int other = rightToLeft ? (l.Source == i ? l.Target : -1) : (l.Target == i ? l.Source : -1);
                        if (other >= 0)
                        {
                            double w = Math.Abs(l.Co2e);
                            weight += w;
                            sum += w * (y[other] + (Height(other) / 2));
                        }
                    }

                    centre[i] = weight > 0 ? sum / weight : y[i] + (Height(i) / 2);
                }

                c.Sort((a, b) => centre[a].CompareTo(centre[b]) is var order && order != 0 ? order : a.CompareTo(b));
                Place();
            }
        }

        double height = column.Max(c => c.Count == 0 ? 0 : y[c[^1]] + Height(c[^1])) + Margin;
        double step = columns == 1 ? 0 : (Width - (2 * Margin) - NodeWidth - LabelRoom) / (columns - 1);
        double X(int i) => Margin + ((columns - 1 - depth[i]) * step);

        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart sankey\" viewBox=\"0 0 {F(Width)} {F(height)}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" preserveAspectRatio=\"xMinYMin meet\">");
        html.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-t\">{HtmlText.Escape(title)}</title><desc id=\"{id}-d\">{HtmlText.Escape(description)}</desc>");

        // Bands: stacked at each node's right side by the target's position, at the left side by the source's.
        var outAt = new double[n];
        var inAt = new double[n];
        for (int i = 0; i < n; i++)
        {
            outAt[i] = y[i] + ((Height(i) - (outflow[i] * scale)) / 2);
            inAt[i] = y[i] + ((Height(i) - (inflow[i] * scale)) / 2);
        }

        html.Append("<g class=\"links\">");
        foreach (var l in links.OrderBy(l => y[l.Source]).ThenBy(l => y[l.Target]))
        {
            double t = Math.Abs(l.Co2e) * scale;
            double x0 = X(l.Source) + NodeWidth, x1 = X(l.Target);
            double y0 = outAt[l.Source], y1 = inAt[l.Target];
            outAt[l.Source] += t;
            inAt[l.Target] += t;
            double xm = (x0 + x1) / 2;
            string kind = l.Co2e < 0 ? "neg" : nodes[l.Source].Kind switch
            {
                SupplyNodeKind.Factor => "factor",
                SupplyNodeKind.Direct => "direct",
                SupplyNodeKind.Other => "other",
                _ => "process",
            };
            string tip = $"{labelOf(nodes[l.Source])} → {labelOf(nodes[l.Target])}: {Numbers.Display(l.Co2e)} kg CO2e";
            html.Append(CultureInfo.InvariantCulture,
                $"<path class=\"{kind}\" d=\"M{F(x0)},{F(y0)}C{F(xm)},{F(y0)} {F(xm)},{F(y1)} {F(x1)},{F(y1)}L{F(x1)},{F(y1 + t)}C{F(xm)},{F(y1 + t)} {F(xm)},{F(y0 + t)} {F(x0)},{F(y0 + t)}Z\"><title>{HtmlText.Escape(tip)}</title></path>");
        }

        html.Append("</g><g class=\"nodes\">");
        for (int i = 0; i < n; i++)
        {
            var node = nodes[i];
            double x = X(i), h = Height(i);
            string label = labelOf(node);
            double net = node.Kind == SupplyNodeKind.Product ? links.Where(l => l.Target == i).Sum(l => l.Co2e) : links.Where(l => l.Source == i).Sum(l => l.Co2e);
            bool last = depth[i] == 0;
            double room = last ? LabelRoom - 8 : Math.Max(step - NodeWidth - 8, 60);
            string kind = node.Kind.ToString().ToLowerInvariant();
            double tx = x + NodeWidth + 4, ty = y[i] + (h / 2) - 2;
            html.Append(CultureInfo.InvariantCulture, $"<g class=\"node {kind}\"><title>{HtmlText.Escape($"{label}: {Numbers.Display(net)} kg CO2e")}</title>");
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y[i])}\" width=\"{F(NodeWidth)}\" height=\"{F(h)}\"/>");
            // Two lines: the name (shortened to the room before the next column) and the value, which always shows.
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{F(tx)}\" y=\"{F(ty)}\">{HtmlText.Escape(HtmlText.Fit(label, room, FontSize))}</text>");
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"value\" x=\"{F(tx)}\" y=\"{F(ty + FontSize + 1)}\">{HtmlText.Escape(Numbers.Display(net) + " kg CO2e")}</text></g>");
        }

        html.Append("</g></svg>");
    }
}
