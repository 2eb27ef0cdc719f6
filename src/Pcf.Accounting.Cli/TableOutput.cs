using System.CommandLine;
using System.Text;
using Pcf.Accounting.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pcf.Accounting.Cli;

/// <summary>The <c>--format table|csv</c> and <c>--out</c> options of a command that prints a table, and the writing of either:
/// the table fitted to the console, or the same columns as one CSV table (RFC 4180, CRLF, UTF-8 without a byte-order mark).</summary>
internal sealed class TableOutput
{
    /// <summary>Initializes a new instance of the <see cref="TableOutput"/> class.</summary>
    public TableOutput()
    {
        Format = new Option<string>("--format")
        {
            Description = "table: for reading at the console's width; csv: the same columns as one CSV table (RFC 4180), every value whole.",
            HelpName = "table|csv",
            DefaultValueFactory = _ => "table",
        };
        Format.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "table", "csv");
        Out = DocumentOutput.Option("the csv");
    }

    /// <summary>Gets the <c>--format</c> option.</summary>
    public Option<string> Format { get; }

    /// <summary>Gets the <c>--out</c> option.</summary>
    public Option<string> Out { get; }

    /// <summary>Adds both options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Out);
    }

    /// <summary>Checks the options before any work: <c>--out</c> needs <c>--format csv</c>, and its folder must exist.</summary>
    /// <param name="parse">The parse result.</param>
    /// <returns>Whether CSV is asked for.</returns>
    /// <exception cref="CliException"><c>--out</c> without <c>--format csv</c> (usage), or a folder that does not exist.</exception>
    public bool Check(ParseResult parse)
    {
        bool csv = string.Equals(parse.GetValue(Format), "csv", StringComparison.OrdinalIgnoreCase);
        DocumentOutput.Target(parse, Out, csv, "--format csv");
        return csv;
    }

    /// <summary>Writes the tables: fitted to the console, or as CSV (to <c>--out</c> or standard output). Several tables in CSV
    /// must have the same columns; their rows follow one header.</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="parse">The parse result.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="cancellationToken">Cancels the writing of a file.</param>
    /// <returns>A task.</returns>
    public async Task WriteAsync(CliContext context, ParseResult parse, IReadOnlyList<Table> tables, CancellationToken cancellationToken)
    {
        if (!Check(parse))
        {
            foreach (var table in tables)
            {
                context.Console.Write(Cells.Fit(table));
            }

            return;
        }

        string text = ToCsv(context, tables);
        await DocumentOutput.WriteAsync(context, parse.GetValue(Out) is { Length: > 0 } target ? target : null, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The CSV of tables with the same columns (see <see cref="ToCsv(IReadOnlyList{Table}, RenderOptions)"/>), their cells read as the console renders them.</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="tables">The tables.</param>
    /// <returns>The CSV, CRLF line ends.</returns>
    internal static string ToCsv(CliContext context, IReadOnlyList<Table> tables) =>
        ToCsv(tables, RenderOptions.Create(context.Console, context.Console.Profile.Capabilities));

    /// <summary>The CSV of tables with the same columns: one header row (the column headers), then every row, cells as plain text.</summary>
    /// <param name="tables">The tables.</param>
    /// <param name="options">Render options (to read the cells' text).</param>
    /// <returns>The CSV, CRLF line ends.</returns>
    internal static string ToCsv(IReadOnlyList<Table> tables, RenderOptions options)
    {
        var csv = new StringBuilder();
        if (tables.Count == 0)
        {
            return string.Empty;
        }

        Line(csv, tables[0].Columns.Select(c => Cells.PlainText(c.Header, options)));
        foreach (var table in tables)
        {
            foreach (var row in table.Rows)
            {
                Line(csv, row.Select(c => Cells.PlainText(c, options)));
            }
        }

        return csv.ToString();

        static void Line(StringBuilder csv, IEnumerable<string> cells)
        {
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }

        static string Quote(string cell) => cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
    }
}
