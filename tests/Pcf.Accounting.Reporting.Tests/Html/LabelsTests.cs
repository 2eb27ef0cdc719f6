using System.Text.RegularExpressions;
using Pcf.Accounting.Reporting.Html;

namespace Pcf.Accounting.Reporting.Tests.Html;

/// <summary>The English and Chinese texts: every key in both, with the same placeholders.</summary>
public sealed partial class LabelsTests
{
    [Fact]
    public void EveryKey_HasBothLanguagesWithTheSamePlaceholders()
    {
        var en = Labels.For(ReportLanguage.English);
        var zh = Labels.For(ReportLanguage.Chinese);
        Assert.True(Labels.Keys.Count() > 100);
        Assert.Equal(Labels.Keys.Count(), Labels.Keys.Distinct(StringComparer.Ordinal).Count());
        foreach (string key in Labels.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(en[key]), key);
            Assert.False(string.IsNullOrWhiteSpace(zh[key]), key);
            Assert.Equal(Placeholders(en[key]), Placeholders(zh[key]));
        }
    }

    [Fact]
    public void Chinese_TranslatesTheHeadings()
    {
        var zh = Labels.For(ReportLanguage.Chinese);
        Assert.Equal("zh-CN", zh.Tag);
        Assert.Equal("声明单位", zh["declaredUnit"]);      // GB/T 24067-2024's term for the declared unit
        Assert.Equal("从摇篮到大门", zh["boundary.cradleToGate"]);
        Assert.Equal("供应链", zh["supplyChain"]);
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
