using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pcf.Accounting.Cli.Rendering;

/// <summary>Small helpers for Spectre tables: plain text cells (never parsed as markup, since names come from user files).</summary>
internal static class Cells
{
    /// <summary>A plain-text cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    public static IRenderable Text(string text) => new Text(text);

    /// <summary>A right-aligned number cell.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The cell.</returns>
    public static IRenderable Number(double value) => new Text(ProblemText.Number(value)).RightJustified();

    /// <summary>A number cell in full precision, for CSV: invariant culture, round-trip (<c>6.960000000000001</c> is the double computed).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The cell.</returns>
    public static IRenderable Exact(double value) => new Text(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A right-aligned percentage cell.</summary>
    /// <param name="share">The share, 1 = 100 %.</param>
    /// <returns>The cell.</returns>
    public static IRenderable Percent(double share) => new Text(ProblemText.Percent(share)).RightJustified();

    /// <summary>A table that never splits a word: drawn as a table where its columns can hold their longest word, otherwise one block
    /// per row with a line per cell (<c>Header: value</c>), wrapped between words, so that a key is never cut at 80 columns.</summary>
    /// <param name="table">The table.</param>
    /// <returns>What to write instead of the table.</returns>
    public static IRenderable Fit(Table table) => new FittedTable(table);

    /// <summary>The plain text of a cell (its lines joined by spaces).</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="options">The render options.</param>
    /// <returns>The text.</returns>
    internal static string PlainText(IRenderable cell, RenderOptions options)
    {
        var text = string.Concat(cell.Render(options, 100_000).Where(s => !s.IsControlCode).Select(s => s.IsLineBreak ? "\n" : s.Text));
        return string.Join(" ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    /// <summary>Creates a table with headers.</summary>
    /// <param name="title">The title.</param>
    /// <param name="headers">The column headers.</param>
    /// <returns>The table.</returns>
    public static Table Table(string title, params string[] headers)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = TableBorder.Rounded };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    private sealed class FittedTable(Table table) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth)
        {
            var measured = ((IRenderable)table).Measure(options, maxWidth);
            return measured.Min <= maxWidth ? measured : new Measurement(Math.Min(maxWidth, measured.Min), maxWidth);
        }

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            if (((IRenderable)table).Measure(options, maxWidth).Min <= maxWidth)
            {
                return ((IRenderable)table).Render(options, maxWidth);
            }

            // Too narrow for the columns' longest words: a block per row, a line per non-empty cell.
            var headers = table.Columns.Select(c => PlainText(c.Header, options)).ToList();
            var lines = new List<IRenderable>();
            if (table.Title is { } title)
            {
                lines.Add(new Markup(title.Text));
            }

            foreach (var row in table.Rows)
            {
                lines.Add(new Text(string.Empty));
                int i = 0;
                foreach (var cell in row)
                {
                    string value = PlainText(cell, options);
                    if (value.Length > 0 && i < headers.Count)
                    {
                        lines.Add(new Text(headers[i].Length == 0 ? value : $"{headers[i]}: {value}"));
                    }

                    i++;
                }
            }

            return ((IRenderable)new Rows(lines)).Render(options, maxWidth);
        }
    }
}
