using System.Globalization;
using System.Text;
using Pcf.Accounting.Reporting.Tests.TestSupport;

namespace Pcf.Accounting.Reporting.Tests.Csv;

/// <summary>The CSV of the contribution tables: one header, one row per item, numbers equal to the result's.</summary>
public sealed class CsvReportTests
{
    public static TheoryData<string> Samples => Footprints.SampleData;

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToCsv_EverySample_RowsEqualTheResult(string sample)
    {
        var result = Footprints.Sample(sample);
        var rows = Parse(FootprintReport.ToCsv(result));
        Assert.Equal("view,item,name,stage,mass_kg,amount,unit,kg_co2e_per_unit,kg_co2e,share,primary_data,fallbacks,source", string.Join(',', rows[0]));
        Assert.All(rows, r => Assert.Equal(13, r.Length));
        double Value(string view, string item, int column) =>
            double.Parse(rows.Single(r => r[0] == view && r[1] == item)[column], NumberStyles.Float, CultureInfo.InvariantCulture);

        Assert.Equal(result.TotalExcludingBiogenicUptake.Value, Value("total", "pcfExcludingBiogenicUptake", 8));
        Assert.Equal(result.TotalIncludingBiogenicUptake.Value, Value("total", "pcfIncludingBiogenicUptake", 8));
        Assert.Equal(14, rows.Count(r => r[0] == "reported"));
        Assert.Equal(result.ByStage.Length, rows.Count(r => r[0] == "stage"));
        Assert.Equal(result.ByProcess.Length, rows.Count(r => r[0] == "process"));
        foreach (var p in result.ByProcess)
        {
            Assert.Equal(p.Total.Value, Value("process", p.Process.Value, 8));
            Assert.Equal(p.Share, Value("process", p.Process.Value, 9));
            Assert.Equal(p.Runs, Value("process", p.Process.Value, 5));
        }

        Assert.Equal(result.ByGas.Length, rows.Count(r => r[0] == "gas"));
        foreach (var g in result.ByGas)
        {
            Assert.Equal(g.Co2e.Value, Value("gas", g.Gas?.Id ?? "CO2e", 8));
        }

        Assert.Equal(result.ByFactor.Length, rows.Count(r => r[0] == "factor"));
        foreach (var (f, row) in result.ByFactor.Zip(rows.Where(r => r[0] == "factor")))
        {
            Assert.Equal(f.Request.Key, row[2]);
            Assert.Equal(f.AmountUsed.Value, double.Parse(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(f.Co2ePerUnit, double.Parse(row[7], CultureInfo.InvariantCulture));
            Assert.Equal(f.Co2e.Value, double.Parse(row[8], CultureInfo.InvariantCulture));
            Assert.Equal(f.Source, row[12]);
        }
    }

    [Fact]
    public void WriteCsv_Stream_StartsWithByteOrderMarkAndUsesCrLf()
    {
        using var stream = new MemoryStream();
        FootprintReport.WriteCsv(Footprints.Chain, stream);
        byte[] bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        string text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(FootprintReport.ToCsv(Footprints.Chain), text);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_Chain_ProcessRowsAreTheHandCalculatedOnes()
    {
        // p1: direct 1 + power 1.5 = 2.5 kg CO2e; p2: 2 runs × (0.5 + 2.98) = 6.96 kg CO2e; total 9.46.
        var rows = Parse(FootprintReport.ToCsv(Footprints.Chain));
        Assert.Equal(["process", "p2", "p2", "rawMaterialAcquisition", "", "2", "runs", "", "6.96", (6.96 / 9.46).ToString("R", CultureInfo.InvariantCulture), "", "", ""],
            rows.Single(r => r[0] == "process" && r[1] == "p2"), new ToleranceComparer());
    }

    // RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
    internal static List<string[]> Parse(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }

    // Cells equal as text, or as numbers to 1e-12 relative (6.96 is 2 × 3.48 in floating point).
    private sealed class ToleranceComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) =>
            x == y || (double.TryParse(x, CultureInfo.InvariantCulture, out double a) && double.TryParse(y, CultureInfo.InvariantCulture, out double b) && Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a)));

        public int GetHashCode(string obj) => 0;
    }
}
