using Pcf.Accounting.Results;
using Pcf.Accounting.Units;
using Spectre.Console;
using Spectre.Console.Rendering;
using static Pcf.Accounting.Cli.ProblemText;

namespace Pcf.Accounting.Cli.Rendering;

/// <summary>Renders a <see cref="FootprintResult"/> as a terminal report: header, totals, reported quantities, breakdowns, top contributors, data quality, cut-off and warnings.</summary>
internal static class ResultRenderer
{
    /// <summary>How many contributors the bar charts show.</summary>
    private const int TopCount = 8;

    /// <summary>The worst data-quality score (1 best, 5 worst) still not called low.</summary>
    private const double LowQualityScore = 3;

    /// <summary>Renders the report.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The result.</param>
    /// <param name="allReported">Whether to show reported quantities that are zero.</param>
    public static void Render(IAnsiConsole console, FootprintResult result, bool allReported)
    {
        foreach (var part in Build(result, allReported, console.Profile.Width))
        {
            console.Write(part);
        }
    }

    /// <summary>Builds the report without writing it (so that it can be prepared while progress is shown).</summary>
    /// <param name="result">The result.</param>
    /// <param name="allReported">Whether to show reported quantities that are zero.</param>
    /// <param name="width">The console width, for the charts.</param>
    /// <returns>The parts of the report, in order.</returns>
    public static List<IRenderable> Build(FootprintResult result, bool allReported, int width)
    {
        var parts = new List<IRenderable>();
        var system = result.System;
        var demand = result.Demand;
        string perUnit = $"{Number(demand.Amount.Value)} {demand.Amount.Unit.Symbol} {demand.Product}";

        var header = new Grid().AddColumn().AddColumn();
        header.AddRow(Cells.Text("System"), Cells.Text(system.Name));
        header.AddRow(Cells.Text("Declared unit"), Cells.Text(perUnit));
        header.AddRow(Cells.Text("Rule set"), Cells.Text($"{result.RuleSet.Name} ({result.RuleSet.Id}), {Boundary(result.RuleSet.Boundary)}"));
        header.AddRow(Cells.Text("GWP set"), Cells.Text($"{result.GwpSet.Name} ({result.GwpSet.Id})"));
        parts.Add(header);
        parts.Add(Text.NewLine);

        parts.Add(new Text($"PCF excluding biogenic uptake: {Number(result.TotalExcludingBiogenicUptake.Value)} kg CO2e per {perUnit}\n"));
        parts.Add(new Text($"PCF including biogenic uptake: {Number(result.TotalIncludingBiogenicUptake.Value)} kg CO2e per {perUnit}\n"));
        parts.Add(Text.NewLine);

        var reported = Cells.Table("Separately reported quantities (kg CO2e)", "Quantity", "kg CO2e");
        reported.Columns[1].RightAligned();
        foreach (var (name, value) in Reported(result.Reported))
        {
            if (allReported || value != 0)
            {
                reported.AddRow(Cells.Text(name), Cells.Number(value));
            }
        }

        if (reported.Rows.Count == 0)
        {
            reported.AddRow(Cells.Text("(all zero)"), Cells.Text(string.Empty));
        }

        parts.Add(Cells.Fit(reported));

        var stages = Cells.Table("By life-cycle stage", "Stage", "kg CO2e", "Share");
        foreach (var s in result.ByStage)
        {
            stages.AddRow(Cells.Text(Names.Of(s.Stage)), Cells.Number(s.Co2e.Value), Cells.Percent(s.Share));
        }

        parts.Add(Cells.Fit(stages));

        var gases = Cells.Table("By gas", "Gas", "Mass (kg)", "kg CO2e");
        foreach (var g in result.ByGas)
        {
            gases.AddRow(Cells.Text(g.Gas?.Id ?? "CO2e (not split by gas)"), g.Gas is null ? Cells.Text(string.Empty) : Cells.Number(g.Mass.Value), Cells.Number(g.Co2e.Value));
        }

        parts.Add(Cells.Fit(gases));

        Chart(parts, width, "Top processes (% of the footprint)", result.ByProcess.Select(p => (p.Process.Value, p.Total.Value, p.Share)));
        Chart(parts, width, "Top emission factors (% of the footprint)", result.ByFactor.Select(f => ($"{f.Request.Key} ({f.Request.Region ?? "GLO"})", f.Co2e.Value, f.Share)));
        if (!result.ByFactor.IsEmpty)
        {
            var factors = Cells.Table("Emission factors used", "#", "Factor", "Amount used", "kg CO2e/unit", "kg CO2e");
            int n = 0;
            foreach (var f in result.ByFactor)
            {
                factors.AddRow(Cells.Text($"[{++n}]"), Cells.Text(f.Request.ToString()), Cells.Text($"{Number(f.AmountUsed.Value)} {f.AmountUsed.Unit.Symbol}"),
                    Cells.Number(f.Co2ePerUnit), Cells.Number(f.Co2e.Value));
            }

            parts.Add(Cells.Fit(factors));
            n = 0;
            foreach (var f in result.ByFactor)
            {
                parts.Add(new Text($"[{++n}] {f.Source}\n"));
            }

            parts.Add(Text.NewLine);
        }

        foreach (var view in result.Views)
        {
            var table = Cells.Table($"{view.Title} ({view.Id})", "Key", "Quantity", "Value", "Unit");
            foreach (var line in view.Lines)
            {
                // A template's choice or text carries its value in the label: no number to show.
                bool text = line.Unit is "choice" or "text";
                table.AddRow(Cells.Text(line.Key), Cells.Text(line.Label), text ? Cells.Text(string.Empty) : Cells.Number(line.Value), Cells.Text(text ? string.Empty : line.Unit));
            }

            parts.Add(Cells.Fit(table));
            foreach (var line in view.Lines.Where(l => l.Note is not null))
            {
                parts.Add(new Text($"{line.Key}: {line.Note}\n"));
            }

            foreach (var w in view.Warnings)
            {
                parts.Add(new Text($"warning ({view.Id}): {w.Message}\n"));
            }
        }

        if (result.Licences.Length > 0)
        {
            parts.Add(new Text($"Data licences: {string.Join("; ", result.Licences)}\n"));
        }

        foreach (var a in result.Allocations)
        {
            parts.Add(new Text($"Allocation of '{a.Process}': {a.Method}{(a.StatedByProcess ? " (stated by the process)" : " (chosen by the rule set)")}, {a.Basis}\n"));
        }

        parts.Add(new Text($"Primary-data share: {Percent(result.PrimaryDataShare)}\n"));
        if (result.FallbackShare > 0)
        {
            parts.Add(new Text($"Fallback share: {Percent(result.FallbackShare)} of the factors' CO2e rests on a factor of another region or an earlier year\n"));
        }

        var warnings = new List<string>();
        if (result.DataQuality is { } q)
        {
            parts.Add(new Text($"Data quality (1 best, 5 worst): technological {Number(q.Technological)}, geographical {Number(q.Geographical)}, temporal {Number(q.Temporal)}, completeness {Number(q.Completeness)}, reliability {Number(q.Reliability)}; covers {Percent(result.DataQualityCoverage)} of the factors' CO2e\n"));
            double worst = new[] { q.Technological, q.Geographical, q.Temporal, q.Completeness, q.Reliability }.Max();
            if (worst > LowQualityScore)
            {
                warnings.Add($"low data quality: a score is {Number(worst)} (worse than {Number(LowQualityScore)} on the 1-5 pedigree scale)");
            }
        }
        else
        {
            parts.Add(new Text("Data quality: no factor used has scores\n"));
        }

        var cut = result.CutOff;
        parts.Add(new Text($"Cut-off: {Number(cut.Excluded.Value)} kg CO2e excluded ({Percent(cut.Share)})\n"));
        foreach (var rule in cut.Rules)
        {
            warnings.Add($"cut-off: {rule}");
        }

        warnings.InsertRange(0, result.Warnings.Select(w => $"{w.Code} {w.Path}: {w.Message}"));
        if (warnings.Count > 0)
        {
            parts.Add(Text.NewLine);
            parts.Add(new Text($"Warnings ({warnings.Count}):\n"));
            foreach (var w in warnings)
            {
                parts.Add(new Text($"  - {w}\n"));
            }
        }

        return parts;
    }

    /// <summary>The boundary as the documents write it.</summary>
    /// <param name="boundary">The boundary.</param>
    /// <returns><c>cradle-to-gate</c>, <c>gate-to-gate</c> or <c>cradle-to-grave</c>.</returns>
    internal static string Boundary(Rules.SystemBoundary boundary) => boundary switch
    {
        Rules.SystemBoundary.CradleToGate => "cradle-to-gate",
        Rules.SystemBoundary.GateToGate => "gate-to-gate",
        _ => "cradle-to-grave",
    };

    /// <summary>The separately reported quantities with their pcf-result/1 names.</summary>
    /// <param name="r">The quantities.</param>
    /// <returns>Name and kg CO2e, in the format's order.</returns>
    internal static IEnumerable<(string Name, double Value)> Reported(ReportedQuantities r)
    {
        (string, Quantity)[] all =
        [
            ("fossilGhgEmissions", r.FossilGhgEmissions),
            ("biogenicCo2Emissions", r.BiogenicCo2Emissions),
            ("biogenicCo2Uptake", r.BiogenicCo2Uptake),
            ("biogenicNonCo2Emissions", r.BiogenicNonCo2Emissions),
            ("landUseChangeEmissions", r.LandUseChangeEmissions),
            ("landManagementFossilGhgEmissions", r.LandManagementFossilGhgEmissions),
            ("landManagementBiogenicCo2Emissions", r.LandManagementBiogenicCo2Emissions),
            ("landManagementBiogenicCo2Removals", r.LandManagementBiogenicCo2Removals),
            ("technologicalCo2Removals", r.TechnologicalCo2Removals),
            ("ccsTechnologicalCo2Capture", r.CcsTechnologicalCo2Capture),
            ("aircraftEmissions", r.AircraftEmissions),
            ("packagingEmissions", r.PackagingEmissions),
            ("outboundLogisticsEmissions", r.OutboundLogisticsEmissions),
            ("systemExpansionCredits", r.SystemExpansionCredits),
        ];
        return all.Select(x => (x.Item1, x.Item2.Value));
    }

    // Bars are shares of the footprint; Spectre's bar chart draws magnitudes: a negative contribution (a credit) is drawn by its size and marked in its label.
    private static void Chart(List<IRenderable> parts, int width, string title, IEnumerable<(string Label, double Co2e, double Share)> items)
    {
        var top = items.Where(i => i.Co2e != 0).Take(TopCount).ToList();
        if (top.Count == 0)
        {
            return;
        }

        var chart = new BarChart().Label(Markup.Escape(title)).Width(Math.Min(100, width));
        // Spectre draws a value inside the bar's width, which hides short bars: the share is in the label instead.
        chart.ShowValues = false;
        foreach (var (label, co2e, share) in top)
        {
            string text = $"{label} {Percent(share)}{(co2e < 0 ? " (credit)" : string.Empty)}";
            chart.AddItem(Markup.Escape(text), Math.Round(Math.Abs(share) * 100, 2), co2e < 0 ? Color.Green : Color.Orange1);
        }

        parts.Add(Text.NewLine);
        parts.Add(chart);
    }
}
