using System.Collections.Immutable;
using Pcf.Accounting.Reporting.Html;
using Pcf.Accounting.Reporting.Model;
using Pcf.Accounting.Reporting.Tests.TestSupport;

namespace Pcf.Accounting.Reporting.Tests.Html;

/// <summary>The template, derivation, uncertainty and PACT sections, rendered from a hand-built model (results do not carry them yet).</summary>
public sealed class OptionalSectionTests
{
    private static readonly FootprintReportOptions Options = new();

    private static ReportModel Base => ReportModelBuilder.From(Footprints.Chain, Options);

    [Fact]
    public void Render_WithoutOptionalParts_HasNoSectionForThem()
    {
        var page = Page.Parse(HtmlReportWriter.Render(Base, Options));
        Assert.Null(page.Document.GetElementById("template"));
        Assert.Null(page.Document.GetElementById("uncertainty"));
        Assert.Null(page.Document.GetElementById("pact"));
    }

    [Fact]
    public void Render_Template_ShowsParametersAndDerivations()
    {
        // Illustrative numbers: a clinker derivation with the shape templates will use (CaO content × 44.01/56.08).
        var model = Base with
        {
            Template = new TemplateSection("cement", "Cement (illustrative)", "1.0", ["GB/T 24067-2024 cl. 6.3"],
            [
                new TemplateParameterRow("clinkerRatio", "0.75", null, IsDefault: false, Source: null),
                new TemplateParameterRow("kilnFuel", "coal", null, IsDefault: true, Source: "template default (illustrative)"),
            ]),
            Derivations =
            [
                new DerivationRow("clinker: CO2-fossil emission", "CaO × 44.01 / 56.08", [new DerivationInputRow("CaO", 0.65, "t/t")], 0.65 * 44.01 / 56.08, "t CO2/t", "illustrative"),
            ],
        };
        var page = Page.Parse(HtmlReportWriter.Render(model, Options));
        Assert.NotNull(page.Document.GetElementById("template"));
        Assert.Equal([0.75], Page.Numbers(page.Row("template-parameters", "clinkerRatio")));
        Assert.Contains(page.Row("template-parameters", "kilnFuel").QuerySelectorAll("td"), td => td.TextContent == "template default");
        var derivation = page.Table("derivations").QuerySelector("tbody tr")!;
        Assert.Equal([0.65 * 44.01 / 56.08], Page.Numbers(derivation));   // 0.510094... t CO2/t
        Assert.Contains("CaO = 0.65 t/t", derivation.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "#template");
    }

    [Fact]
    public void Render_Uncertainty_ShowsStatisticsAndAHistogramWithItsData()
    {
        ImmutableArray<HistogramBin> bins = [new(8, 9, 120), new(9, 10, 610), new(10, 11, 250), new(11, 12, 20)];
        var model = Base with
        {
            Uncertainty = new UncertaintySection(1000, 42, 9.5, 0.6, [(2.5, 8.4), (50, 9.46), (97.5, 10.9)], bins),
        };
        var page = Page.Parse(HtmlReportWriter.Render(model, Options));
        Assert.Equal([9.5], Page.Numbers(page.Row("uncertainty-statistics", "mean")));
        Assert.Equal([0.6], Page.Numbers(page.Row("uncertainty-statistics", "standardDeviation")));
        Assert.Equal([9.46], Page.Numbers(page.Row("uncertainty-statistics", "P50")));
        Assert.Equal([8.4], Page.Numbers(page.Row("uncertainty-statistics", "P2.5")));
        var figure = page.Document.GetElementById("chart-uncertainty")!;
        Assert.Equal(4, figure.QuerySelectorAll("svg rect").Length);
        Assert.Equal(3, figure.QuerySelectorAll("svg line.marker").Length);
        Assert.Equal([120.0, 610, 250, 20], figure.QuerySelectorAll("table tbody tr").SelectMany(Page.Numbers));
        Assert.Equal("Histogram of 1,000 draws in 4 bins from 8 to 12 kg CO2e; the fullest bin holds 610 draws.", figure.QuerySelector("desc")!.TextContent);
        HtmlReportTests.AssertSelfContained(page.Html);
    }

    [Fact]
    public void Render_Pact_ShowsTheExportedFields()
    {
        var model = Base with
        {
            Pact = new PactSection("3.0.0", "urn:uuid:00000000-0000-0000-0000-000000000001", "Example Co.", "P", ["urn:pact:example:product:p"], "kilogram",
                [("pcfExcludingBiogenicUptake", "9.46"), ("pcfIncludingBiogenicUptake", "9.46"), ("fossilGhgEmissions", "9.46")]),
        };
        var page = Page.Parse(HtmlReportWriter.Render(model, Options));
        Assert.Equal([9.46], Page.Numbers(page.Row("pact", "pcfExcludingBiogenicUptake")));
        Assert.Contains("urn:pact:example:product:p", page.Document.GetElementById("pact")!.TextContent, StringComparison.Ordinal);
    }
}
