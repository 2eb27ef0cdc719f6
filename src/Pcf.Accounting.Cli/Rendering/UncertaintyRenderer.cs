using System.Globalization;
using Pcf.Accounting.Sampling;
using Pcf.Accounting.Uncertainty;
using Spectre.Console;
using Spectre.Console.Rendering;
using static Pcf.Accounting.Cli.ProblemText;

namespace Pcf.Accounting.Cli.Rendering;

/// <summary>Renders the statistics of a Monte Carlo run: the quantities' distributions, a histogram of the total, convergence,
/// the inputs that matter most, and the notes.</summary>
internal static class UncertaintyRenderer
{
    /// <summary>Builds the parts.</summary>
    /// <param name="u">The statistics.</param>
    /// <param name="perUnit">What the values are per, such as <c>1 pc bracket</c>.</param>
    /// <param name="allQuantities">Whether to show quantities that are zero in every draw.</param>
    /// <param name="width">The console width, for the histogram.</param>
    /// <returns>The parts, in order.</returns>
    public static List<IRenderable> Build(UncertaintyStatistics u, string perUnit, bool allQuantities, int width)
    {
        var parts = new List<IRenderable>
        {
            Text.NewLine,
            new Text($"Monte Carlo: {u.Iterations.ToString("N0", CultureInfo.InvariantCulture)} iterations"
                + (u.Iterations < u.RequestedIterations ? $" of {u.RequestedIterations.ToString("N0", CultureInfo.InvariantCulture)} (target reached)" : string.Empty)
                + $", seed {u.Seed.ToString(CultureInfo.InvariantCulture)}, mode {Mode(u.Mode)}, {u.UncertainInputCount} uncertain input(s)"
                + (u.PedigreeFactorCount > 0 ? $" ({u.PedigreeFactorCount} factor(s) widened from data-quality scores)" : string.Empty)
                + (u.RedrawnCount > 0 ? $", {u.RedrawnCount} draw(s) redrawn" : string.Empty) + "\n"),
        };

        // One column per quantity (at most three a table, so that a terminal's width holds them), one row per statistic.
        var shown = u.Quantities.Where(q => allQuantities || q.Minimum != 0 || q.Maximum != 0 || q.Quantity == UncertaintyStatistics.QuantityNames[0]).ToList();
        for (int start = 0; start < shown.Count; start += 3)
        {
            var chunk = shown.Skip(start).Take(3).ToList();
            var table = Cells.Table(start == 0 ? $"Uncertainty (kg CO2e per {perUnit})" : string.Empty, ["", .. chunk.Select(q => q.Quantity)]);
            void Row(string name, Func<QuantityStatistics, double> value) => table.AddRow([Cells.Text(name), .. chunk.Select(q => Cells.Number(value(q)))]);
            Row("mean", q => q.Mean);
            Row("standard deviation", q => q.StandardDeviation);
            Row("median", q => q.Median);
            foreach (var level in u.Total.Percentiles.Select(p => p.Level))
            {
                Row("P" + level.ToString("0.##", CultureInfo.InvariantCulture), q => q.Percentile(level));
            }

            Row("minimum", q => q.Minimum);
            Row("maximum", q => q.Maximum);
            parts.Add(Cells.Fit(table));
        }

        if (u.RelativeStandardError is { } rse)
        {
            parts.Add(new Text($"Relative standard error of the mean: {Percent(rse)}"
                + (u.TargetRelativeStandardError is { } target ? $" (target {Percent(target)})" : string.Empty) + "\n"));
        }

        if (u.Histogram.Length > 1)
        {
            var chart = new BarChart().Label(Markup.Escape($"Histogram of {UncertaintyStatistics.QuantityNames[0]} (draws per bin)")).Width(Math.Min(100, width));
            foreach (var bin in u.Histogram)
            {
                chart.AddItem(Markup.Escape($"{Number(bin.Lower)} – {Number(bin.Upper)}"), bin.Count, Color.SteelBlue);
            }

            parts.Add(Text.NewLine);
            parts.Add(chart);
        }

        if (!u.Contributions.IsEmpty)
        {
            var contributions = Cells.Table("Contribution to variance (Spearman ρ² with the total)", "Input", "Distribution", "ρ", "Share");
            foreach (var c in u.Contributions)
            {
                contributions.AddRow(Cells.Text(c.Input.Label), Cells.Text(c.Input.Distribution + (c.Input.FromPedigree ? " (pedigree)" : string.Empty)),
                    Cells.Text(c.RankCorrelation.ToString("0.000", CultureInfo.InvariantCulture)), Cells.Percent(c.Share));
            }

            parts.Add(Text.NewLine);
            parts.Add(Cells.Fit(contributions));
        }

        foreach (string note in u.Notes)
        {
            parts.Add(new Text($"note: {note}\n"));
        }

        return parts;
    }

    /// <summary>The statistics as one table for CSV: one row per quantity (every quantity, zero ones included), one column per statistic,
    /// every value whole (round-trip); with a comparison, the rows of both systems and a row for the difference A − B.</summary>
    /// <param name="system">The (first) system's name.</param>
    /// <param name="u">Its statistics.</param>
    /// <param name="comparison">The comparison with a second system, or <see langword="null"/>.</param>
    /// <param name="other">The second system's name, with a comparison.</param>
    /// <returns>The table; its columns are <c>System, Quantity, Iterations, Mean, Standard deviation, Median, P…, Minimum, Maximum</c>.</returns>
    public static Table StatisticsTable(string system, UncertaintyStatistics u, MonteCarloComparison? comparison = null, string? other = null)
    {
        var levels = u.Total.Percentiles.Select(p => p.Level).ToList();
        var table = Cells.Table(string.Empty, ["System", "Quantity", "Iterations", "Mean", "Standard deviation", "Median",
            .. levels.Select(l => "P" + l.ToString("R", CultureInfo.InvariantCulture)), "Minimum", "Maximum"]);
        void Rows(string name, UncertaintyStatistics statistics)
        {
            foreach (var q in statistics.Quantities)
            {
                Row(name, q, statistics.Iterations);
            }
        }

        void Row(string name, QuantityStatistics q, int iterations) => table.AddRow([Cells.Text(name), Cells.Text(q.Quantity),
            Cells.Text(iterations.ToString(CultureInfo.InvariantCulture)), Cells.Exact(q.Mean), Cells.Exact(q.StandardDeviation), Cells.Exact(q.Median),
            .. levels.Select(l => q.Percentiles.FirstOrDefault(p => p.Level == l) is { Level: > 0 } p ? Cells.Exact(p.Value) : Cells.Text(string.Empty)),
            Cells.Exact(q.Minimum), Cells.Exact(q.Maximum)]);

        if (comparison is null)
        {
            Rows(system, u);
            return table;
        }

        Rows($"A: {system}", comparison.A);
        Rows($"B: {other}", comparison.B);
        Row("A − B", comparison.Difference, comparison.A.Iterations);
        return table;
    }

    /// <summary>Renders a comparison of two runs.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="a">The first system's name.</param>
    /// <param name="b">The second system's name.</param>
    /// <returns>The parts.</returns>
    public static List<IRenderable> Comparison(MonteCarloComparison comparison, string a, string b)
    {
        var table = Cells.Table("Comparison (common random numbers)", "System", "Mean", "Median", "P2.5", "P97.5");
        void Row(string name, QuantityStatistics q) => table.AddRow(Cells.Text(name), Cells.Number(q.Mean), Cells.Number(q.Median),
            Cells.Number(Percentile(q, 2.5)), Cells.Number(Percentile(q, 97.5)));
        Row($"A: {a}", comparison.A.Total);
        Row($"B: {b}", comparison.B.Total);
        Row("A − B", comparison.Difference);
        return
        [
            Text.NewLine,
            Cells.Fit(table),
            new Text($"P(A < B) = {comparison.ProbabilityALessThanB.ToString("0.####", CultureInfo.InvariantCulture)} over {comparison.A.Iterations.ToString("N0", CultureInfo.InvariantCulture)} paired iterations\n"),
        ];
    }

    /// <summary>The mode as the options spell it.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns><c>fixed-scaling</c>, <c>technosphere</c> or <c>auto</c>.</returns>
    public static string Mode(MonteCarloMode mode) => mode switch
    {
        MonteCarloMode.FixedScaling => "fixed-scaling",
        MonteCarloMode.Technosphere => "technosphere",
        _ => "auto",
    };

    private static double Percentile(QuantityStatistics q, double level) => q.Percentiles.FirstOrDefault(p => p.Level == level) is { Level: > 0 } p ? p.Value : double.NaN;
}
