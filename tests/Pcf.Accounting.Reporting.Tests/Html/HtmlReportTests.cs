using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pcf.Accounting.Reporting.Tests.TestSupport;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Reporting.Tests.Html;

/// <summary>The HTML report of every sample, checked structurally: its numbers equal the result's, every chart has its text and
/// its data table, and nothing in it points outside the file.</summary>
public sealed partial class HtmlReportTests
{
    public static TheoryData<string> Samples => Footprints.SampleData;

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToHtml_EverySample_HeadlineAndReportedQuantitiesEqualTheResult(string sample)
    {
        var result = Footprints.Sample(sample);
        var page = Page.Parse(FootprintReport.ToHtml(result));

        Assert.Equal(result.TotalExcludingBiogenicUptake.Value, Total(page, "totalExcluding"));
        Assert.Equal(result.TotalIncludingBiogenicUptake.Value, Total(page, "totalIncluding"));
        var r = result.Reported;
        (string Key, double Value)[] expected =
        [
            ("fossilGhgEmissions", r.FossilGhgEmissions.Value), ("biogenicCo2Emissions", r.BiogenicCo2Emissions.Value),
            ("biogenicCo2Uptake", r.BiogenicCo2Uptake.Value), ("biogenicNonCo2Emissions", r.BiogenicNonCo2Emissions.Value),
            ("landUseChangeEmissions", r.LandUseChangeEmissions.Value), ("landManagementFossilGhgEmissions", r.LandManagementFossilGhgEmissions.Value),
            ("landManagementBiogenicCo2Emissions", r.LandManagementBiogenicCo2Emissions.Value), ("landManagementBiogenicCo2Removals", r.LandManagementBiogenicCo2Removals.Value),
            ("technologicalCo2Removals", r.TechnologicalCo2Removals.Value), ("ccsTechnologicalCo2Capture", r.CcsTechnologicalCo2Capture.Value),
            ("aircraftEmissions", r.AircraftEmissions.Value), ("packagingEmissions", r.PackagingEmissions.Value),
            ("outboundLogisticsEmissions", r.OutboundLogisticsEmissions.Value), ("systemExpansionCredits", r.SystemExpansionCredits.Value),
        ];
        Assert.Equal(expected.Length, page.Table("reported").QuerySelectorAll("tbody tr").Length);
        foreach (var (key, value) in expected)
        {
            Assert.Equal([value], Page.Numbers(page.Row("reported", key)));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToHtml_EverySample_ContributionTablesEqualTheResult(string sample)
    {
        var result = Footprints.Sample(sample);
        var page = Page.Parse(FootprintReport.ToHtml(result));
        double total = result.TotalExcludingBiogenicUptake.Value;

        Assert.Equal(result.ByStage.Length, page.Table("stage").QuerySelectorAll("tbody tr").Length);
        foreach (var s in result.ByStage)
        {
            string key = char.ToLowerInvariant(s.Stage.ToString()[0]) + s.Stage.ToString()[1..];
            Assert.Equal([s.Co2e.Value, s.Share], Page.Numbers(page.Row("stage", key)));
        }

        Assert.Equal(result.ByProcess.Length, page.Table("process").QuerySelectorAll("tbody tr").Length);
        foreach (var p in result.ByProcess)
        {
            // Runs, direct, purchased inputs, total, share.
            Assert.Equal([p.Runs, p.Direct.Value, p.Background.Value, p.Total.Value, p.Share], Page.Numbers(page.Row("process", p.Process.Value)));
        }

        Assert.Equal(result.ByGas.Length, page.Table("gas").QuerySelectorAll("tbody tr").Length);
        foreach (var g in result.ByGas)
        {
            double share = g.Co2e.Value / total;
            double[] expected = g.Gas is null ? [g.Co2e.Value, share] : [g.Mass.Value, g.Co2e.Value, share];
            Assert.Equal(expected, Page.Numbers(page.Row("gas", g.Gas?.Id ?? "CO2e")));
        }

        Assert.Equal(result.ByFactor.Length, page.Table("factor").QuerySelectorAll("tbody tr").Length);
        foreach (var f in result.ByFactor)
        {
            string label = $"{f.Request.Key} ({f.Request.Region ?? "GLO"}{(f.Request.Year is { } y ? ", " + y.ToString(CultureInfo.InvariantCulture) : string.Empty)})";
            var row = page.Row("factor", label);
            Assert.Equal([f.AmountUsed.Value, f.Co2ePerUnit, f.Co2e.Value, f.Share], Page.Numbers(row));
            Assert.Contains(row.QuerySelectorAll("td"), td => td.TextContent == f.Source);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToHtml_EverySample_AllocationQualityAndWarningsEqualTheResult(string sample)
    {
        var result = Footprints.Sample(sample);
        var page = Page.Parse(FootprintReport.ToHtml(result));

        int shares = result.Allocations.Sum(a => Math.Max(1, a.Shares.Length));
        if (result.Allocations.IsEmpty)
        {
            Assert.Null(page.Document.QuerySelector("table[data-table='allocation']"));
        }
        else
        {
            Assert.Equal(shares, page.Table("allocation").QuerySelectorAll("tbody tr").Length);
            var values = page.Table("allocation").QuerySelectorAll("tbody tr").SelectMany(Page.Numbers).ToArray();
            Assert.Equal(result.Allocations.SelectMany(a => a.Shares.SelectMany(s => new[] { s.Weight, s.Share })), values);
        }

        Assert.Equal(result.PrimaryDataShare, Fact(page, "primaryDataShare"));
        Assert.Equal(result.FallbackShare, Fact(page, "fallbackShare"));
        if (result.DataQuality is { } q)
        {
            Assert.Equal([q.Technological], Page.Numbers(page.Row("quality", "technological")));
            Assert.Equal([q.Reliability], Page.Numbers(page.Row("quality", "reliability")));
            Assert.Equal([result.DataQualityCoverage], Page.Numbers(page.Row("quality", "coverage")));
        }

        Assert.Equal([result.CutOff.Excluded.Value, result.CutOff.Share], Page.Numbers(page.Table("cut-off").QuerySelector("tbody tr")!));
        if (result.Warnings.IsEmpty)
        {
            Assert.Null(page.Document.QuerySelector("table[data-table='warnings']"));
        }
        else
        {
            var rows = page.Table("warnings").QuerySelectorAll("tbody tr");
            Assert.Equal(result.Warnings.Select(w => (w.Code, w.Path, w.Message)),
                rows.Select(r => r.QuerySelectorAll("td")).Select(c => (c[0].TextContent, c[1].TextContent, c[2].TextContent)));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToHtml_EverySample_EveryChartHasTitleDescriptionAndDataTable(string sample)
    {
        foreach (var language in new[] { ReportLanguage.English, ReportLanguage.Chinese })
        {
            var page = Page.Parse(FootprintReport.ToHtml(Footprints.Sample(sample), new FootprintReportOptions { Language = language }));
            var charts = page.Document.QuerySelectorAll("svg");
            Assert.True(charts.Length >= 5, $"{sample}: {charts.Length} charts"); // stage, process, gas, factor, supply chain
            foreach (var svg in charts)
            {
                Assert.Equal("img", svg.GetAttribute("role"));
                string[] ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
                Assert.Equal(2, ids.Length);
                var title = page.Document.GetElementById(ids[0]);
                var desc = page.Document.GetElementById(ids[1]);
                Assert.Equal("title", title?.LocalName);
                Assert.Equal("desc", desc?.LocalName);
                Assert.False(string.IsNullOrWhiteSpace(title!.TextContent));
                Assert.True(desc!.TextContent.Length > 20, desc.TextContent);
                var figure = svg.Closest("figure");
                Assert.NotNull(figure);
                var table = figure!.QuerySelector("table.data");
                Assert.NotNull(table);
                Assert.NotEmpty(table!.QuerySelectorAll("tbody tr"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToHtml_EverySample_ReferencesNothingOutsideTheFile(string sample)
    {
        foreach (var language in new[] { ReportLanguage.English, ReportLanguage.Chinese })
        {
            string html = FootprintReport.ToHtml(Footprints.Sample(sample), new FootprintReportOptions { Language = language });
            AssertSelfContained(html);
            Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ToHtml_Chinese_SetsTheLanguageAndUsesChineseLabels()
    {
        var page = Page.Parse(FootprintReport.ToHtml(Footprints.Sample("steel-bracket"), new FootprintReportOptions { Language = ReportLanguage.Chinese }));
        Assert.Equal("zh-CN", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("产品碳足迹报告", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal("碳足迹（不含生物源 CO2 吸收）", page.Document.QuerySelector("[data-total='totalExcluding'] .what")!.TextContent);
        Assert.Contains(page.Table("stage").QuerySelectorAll("td"), td => td.TextContent == "生产");
        var english = Page.Parse(FootprintReport.ToHtml(Footprints.Sample("steel-bracket")));
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void ToHtml_PrintAndPhone_HaveTheirStyles()
    {
        string html = FootprintReport.ToHtml(Footprints.Sample("steel-bracket"));
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("@media print{", html, StringComparison.Ordinal);
        Assert.Contains("@media (max-width:640px){", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_SameResultTwice_SameText() =>
        Assert.Equal(FootprintReport.ToHtml(Footprints.Sample("utilities-loop")), FootprintReport.ToHtml(Footprints.Sample("utilities-loop")));

    [Fact]
    public void WriteHtml_Stream_IsTheUtf8OfToHtmlWithoutByteOrderMark()
    {
        var result = Footprints.Chain;
        using var stream = new MemoryStream();
        FootprintReport.WriteHtml(result, stream);
        Assert.Equal(Encoding.UTF8.GetBytes(FootprintReport.ToHtml(result)), stream.ToArray());
    }

    [Fact]
    public void ToHtml_Chain_ShowsTheHandCalculatedTotal()
    {
        // 1 + 3 × 0.5 + 2 × (1 × 0.5 + 0.1 × 29.8) = 9.46 kg CO2e per kg P (Footprints.Chain).
        var page = Page.Parse(FootprintReport.ToHtml(Footprints.Chain));
        Assert.Equal(9.46, Total(page, "totalExcluding"), 12);
        Assert.Equal("9.46", page.Document.QuerySelector("[data-total='totalExcluding'] data")!.TextContent);
    }

    [Fact]
    public void ToHtml_InvalidOptions_ListsEveryBrokenSetting()
    {
        var e = Assert.Throws<ArgumentException>(() => FootprintReport.ToHtml(Footprints.Chain, new FootprintReportOptions
        {
            MaximumChartItems = 0,
            MaximumTableRows = 0,
            SupplyChainMinimumShare = double.NaN,
            SupplyChainMaximumNodes = 1,
            Language = (ReportLanguage)7,
        }));
        Assert.Equal(
            "Invalid report options: Language must be English or Chinese (was 7). MaximumChartItems must be from 1 to 100 (was 0). " +
            "MaximumTableRows must be at least 1 (was 0). SupplyChainMinimumShare must be from 0 to 1 (was NaN). " +
            "SupplyChainMaximumNodes must be from 2 to 200 (was 1). (Parameter 'options')",
            e.Message);
    }

    [Fact]
    public void ToHtml_MaximumTableRows_SumsTheRestInOneRow()
    {
        var result = Footprints.Sample("steel-bracket");
        var page = Page.Parse(FootprintReport.ToHtml(result, new FootprintReportOptions { MaximumTableRows = 2, MaximumChartItems = 1 }));
        var rows = page.Table("process").QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal("more", rows[2].ClassName);
        Assert.Contains($"{result.ByProcess.Length - 2} more rows", rows[2].TextContent, StringComparison.Ordinal);
        // The chart draws one bar and one "other" bar summing the rest.
        var bars = page.Document.QuerySelectorAll("#chart-process g.bar");
        Assert.Equal(2, bars.Length);
        Assert.StartsWith($"Other ({result.ByProcess.Count(p => p.Total.Value != 0) - 1})", bars[1].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
    }

    internal static void AssertSelfContained(string html)
    {
        var page = Page.Parse(html);
        Assert.Empty(page.Document.QuerySelectorAll("script, link, img, iframe, object, embed, video, audio, source, base, form"));
        foreach (var element in page.Document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name is "href" or "src" or "xlink:href" or "action" or "srcset" or "poster" or "data" or "background")
                {
                    Assert.StartsWith("#", attribute.Value, StringComparison.Ordinal);
                }
            }
        }

        string css = string.Concat(page.Document.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.DoesNotContain("@import", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.Document.All, e => e.HasAttribute("style") && e.GetAttribute("style")!.Contains("url(", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotMatch(ProtocolRelative(), html);
    }

    private static double Total(Page page, string key) =>
        double.Parse(page.Document.QuerySelector($"[data-total='{key}'] data")!.GetAttribute("value")!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Fact(Page page, string key) =>
        double.Parse(page.Document.QuerySelector($"dl.facts [data-key='{key}'] data")!.GetAttribute("value")!, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex("(src|href)\\s*=\\s*[\"']?//", RegexOptions.IgnoreCase)]
    private static partial Regex ProtocolRelative();
}
