using System.Globalization;
using System.Text;
using Pcf.Accounting.Reporting.Model;

namespace Pcf.Accounting.Reporting.Csv;

/// <summary>Writes the totals, the separately reported quantities and the contribution tables as one CSV table (RFC 4180), one row per item.</summary>
/// <remarks>
/// <para>Columns: <c>view,item,name,stage,mass_kg,amount,unit,kg_co2e_per_unit,kg_co2e,share,primary_data,fallbacks,source</c>; a row fills
/// those that apply to its view (<c>total</c>, <c>reported</c>, <c>stage</c>, <c>process</c>, <c>gas</c>, <c>factor</c>). A long table
/// with a view column pastes into a spreadsheet as one range and filters by view; ids and field names are the pcf-result/1 ones, in
/// every language.</para>
/// <para>Numbers are in invariant form with full precision (round-trip), shares as fractions (0.25 = 25 %).</para>
/// </remarks>
internal static class CsvReportWriter
{
    private static readonly string[] Columns = ["view", "item", "name", "stage", "mass_kg", "amount", "unit", "kg_co2e_per_unit", "kg_co2e", "share", "primary_data", "fallbacks", "source"];

    /// <summary>Renders the CSV.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The CSV text, CRLF line ends.</returns>
    public static string Render(ReportModel model)
    {
        var csv = new StringBuilder();
        Row(csv, Columns);
        double total = model.TotalExcludingBiogenicUptake;
        Row(csv, ["total", "pcfExcludingBiogenicUptake", null, null, null, null, null, null, N(model.TotalExcludingBiogenicUptake), null, null, null, null]);
        Row(csv, ["total", "pcfIncludingBiogenicUptake", null, null, null, null, null, null, N(model.TotalIncludingBiogenicUptake), null, null, null, null]);
        foreach (var r in model.Reported)
        {
            Row(csv, ["reported", r.Key, null, null, null, null, null, null, N(r.Co2e), N(total == 0 ? 0 : r.Co2e / total), null, null, null]);
        }

        foreach (var s in model.ByStage)
        {
            Row(csv, ["stage", s.Stage, null, null, null, null, null, null, N(s.Co2e), N(s.Share), null, null, null]);
        }

        foreach (var p in model.ByProcess)
        {
            Row(csv, ["process", p.Id, p.Name, p.Stage, null, N(p.Runs), "runs", null, N(p.Co2e), N(p.Share), null, null, null]);
        }

        foreach (var g in model.ByGas)
        {
            Row(csv, ["gas", g.Gas ?? "CO2e", null, null, g.MassKg is { } m ? N(m) : null, null, null, null, N(g.Co2e), N(g.Share), null, null, null]);
        }

        foreach (var f in model.ByFactor)
        {
            Row(csv, ["factor", f.Label, f.Key, null, null, N(f.AmountUsed), f.Unit, N(f.Co2ePerUnit), N(f.Co2e), N(f.Share), f.IsPrimaryData ? "true" : "false", string.Join("; ", f.Fallbacks), f.Source]);
        }

        return csv.ToString();
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, string?[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            string cell = cells[i] ?? string.Empty;

            // RFC 4180 quoting; a leading = + - @ would be read as a formula by spreadsheets, so such text (not numbers) is quoted with a leading apostrophe.
            bool number = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            if (!number && cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
            {
                cell = "'" + cell;
            }

            if (cell.AsSpan().IndexOfAny("\",\r\n") >= 0)
            {
                csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(cell);
            }
        }

        csv.Append("\r\n");
    }
}
