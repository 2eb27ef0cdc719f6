using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pcf.Accounting.Reporting.Tests.TestSupport;

/// <summary>A parsed report page with helpers to read its tables' exact numbers.</summary>
internal sealed class Page
{
    private Page(IDocument document, string html)
    {
        Document = document;
        Html = html;
    }

    public IDocument Document { get; }

    public string Html { get; }

    public static Page Parse(string html) => new(new HtmlParser().ParseDocument(html), html);

    /// <summary>The table with <c>data-table="name"</c>.</summary>
    public IElement Table(string name) =>
        Document.QuerySelector($"table[data-table='{name}']") ?? throw new Xunit.Sdk.XunitException($"The page has no table '{name}'.");

    /// <summary>The body rows of a table with <c>data-key="key"</c>.</summary>
    public IElement Row(string table, string key) =>
        Table(table).QuerySelectorAll("tbody tr").SingleOrDefault(r => r.GetAttribute("data-key") == key)
        ?? throw new Xunit.Sdk.XunitException($"Table '{table}' has no row '{key}'.");

    /// <summary>The exact numbers (data-value) of a row's numeric cells, in order.</summary>
    public static double[] Numbers(IElement row) =>
        [.. row.QuerySelectorAll("td[data-value]").Select(td => double.Parse(td.GetAttribute("data-value")!, NumberStyles.Float, CultureInfo.InvariantCulture))];
}
