using System.Text;
using Pcf.Accounting.Reporting.Csv;
using Pcf.Accounting.Reporting.Html;
using Pcf.Accounting.Reporting.Model;
using Pcf.Accounting.Results;

namespace Pcf.Accounting.Reporting;

/// <summary>Writes a footprint result as a report: one self-contained HTML page, or the contribution tables as CSV.</summary>
/// <remarks>
/// <para>The HTML page needs nothing at view time: styles are inline, charts are inline SVG, there is no script and no
/// reference to anything outside the file, so it can be mailed or archived with a verification file and opened in any
/// browser, printed (a print stylesheet) or read on a phone. It shows the totals per declared unit with the rule set, GWP
/// set and boundary; the separately reported quantities; contributions by life-cycle stage, process, gas and emission
/// factor (each chart with a text alternative and its data as a table); the supply chain as a Sankey diagram; the factors
/// with sources, regions, years and fallbacks; allocation; data quality and the primary-data share; and the warnings.</para>
/// <para>Every number in a table carries its exact value in a <c>data-value</c> attribute; the text shows it rounded to four
/// significant digits. The same result and options always give the same bytes (no time stamp).</para>
/// </remarks>
/// <example><code>
/// using var file = File.Create("report.html");
/// FootprintReport.WriteHtml(result, file, new FootprintReportOptions { Language = ReportLanguage.Chinese });
/// </code></example>
/// <threadsafety>The methods are thread-safe; an options object must not change while a call uses it.</threadsafety>
public static class FootprintReport
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the HTML report of a result to a stream as UTF-8.</summary>
    /// <param name="result">The result.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="options">Language and limits; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names every one).</exception>
    public static void WriteHtml(FootprintResult result, Stream stream, FootprintReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Write(stream, ToHtml(result, options), Utf8);
    }

    /// <summary>Renders the HTML report of a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="options">Language and limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range (the message names every one).</exception>
    public static string ToHtml(FootprintResult result, FootprintReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options = Checked(options);
        return HtmlReportWriter.Render(ReportModelBuilder.From(result, options), options);
    }

    /// <summary>Writes the totals, the separately reported quantities and the contribution tables (stage, process, gas, factor) as CSV to a stream.</summary>
    /// <param name="result">The result.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="options">Options (the CSV uses the pcf-result/1 names in every language); <see langword="null"/> for the defaults.</param>
    /// <remarks>The text is UTF-8 with a byte-order mark, so that spreadsheet programs read names in any script correctly; one header
    /// row (<c>view,item,name,stage,mass_kg,amount,unit,kg_co2e_per_unit,kg_co2e,share,primary_data,fallbacks,source</c>), then one row per
    /// item, every row of every table; numbers in invariant round-trip form, shares as fractions.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static void WriteCsv(FootprintResult result, Stream stream, FootprintReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Write(stream, ToCsv(result, options), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    /// <summary>Renders the contribution tables of a result as CSV text (see <see cref="WriteCsv"/> for the columns).</summary>
    /// <param name="result">The result.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <returns>The CSV text (without a byte-order mark).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static string ToCsv(FootprintResult result, FootprintReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options = Checked(options);
        return CsvReportWriter.Render(ReportModelBuilder.From(result, options, supplyChain: false));
    }

    private static FootprintReportOptions Checked(FootprintReportOptions? options)
    {
        options ??= new FootprintReportOptions();
        options.Validate();
        return options;
    }

    private static void Write(Stream stream, string text, Encoding encoding)
    {
        var preamble = encoding.GetPreamble();
        stream.Write(preamble);
        stream.Write(encoding.GetBytes(text));
        stream.Flush();
    }
}
