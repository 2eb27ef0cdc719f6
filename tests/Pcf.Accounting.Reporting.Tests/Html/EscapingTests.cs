using CsCheck;
using Pcf.Accounting.Reporting.Html;
using Pcf.Accounting.Reporting.Model;
using Pcf.Accounting.Reporting.Tests.TestSupport;

namespace Pcf.Accounting.Reporting.Tests.Html;

/// <summary>Names from user files are text, never markup: any name reads back unchanged from the parsed page.</summary>
public sealed class EscapingTests
{
    [Fact]
    public void Render_ScriptInAName_IsText()
    {
        var model = ReportModelBuilder.From(Footprints.Chain, new FootprintReportOptions());
        var row = model.ByProcess[0] with { Name = "<script>alert('x')</script> & \"quoted\"" };
        var page = Page.Parse(HtmlReportWriter.Render(model with { ByProcess = [row] }, new FootprintReportOptions()));
        Assert.Empty(page.Document.QuerySelectorAll("script"));
        Assert.Contains(page.Table("process").QuerySelectorAll("td"), td => td.TextContent.StartsWith("<script>alert('x')</script> & \"quoted\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AnyProcessName_ReadsBackFromTheTable() =>
        Gen.String[Gen.Char.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)), 1, 40].Sample(name =>
        {
            var model = ReportModelBuilder.From(Footprints.Chain, new FootprintReportOptions());
            var row = model.ByProcess[0] with { Name = name, Id = "p" };
            var page = Page.Parse(HtmlReportWriter.Render(model with { ByProcess = [row], SupplyChain = null }, new FootprintReportOptions()));
            string cell = page.Row("process", "p").QuerySelector("td")!.TextContent;
            // A name equal to the id is shown once; otherwise "name (id)". HTML parsing turns CR and CR LF into LF.
            Assert.Equal((name == "p" ? "p" : $"{name} (p)").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), cell);
            Assert.Empty(page.Document.QuerySelectorAll("script"));
        }, iter: 200);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(9.46, "9.46")]
    [InlineData(0.8209331, "0.8209")]
    [InlineData(1234.5678, "1,235")]
    [InlineData(-0.0035903, "-0.00359")]
    [InlineData(2.5e-6, "2.5e-6")]
    [InlineData(123456789, "123,456,789")]
    public void Display_RoundsToFourSignificantDigits(double value, string expected) => Assert.Equal(expected, Numbers.Display(value));

    [Theory]
    [InlineData(0, "0%")]
    [InlineData(0.75312, "75.3%")]
    [InlineData(0.0001, "<0.1%")]
    [InlineData(-0.25, "-25.0%")]
    public void Percent_OneDecimal(double share, string expected) => Assert.Equal(expected, Numbers.Percent(share));
}
