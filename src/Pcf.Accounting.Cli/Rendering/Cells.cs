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

    /// <summary>A right-aligned percentage cell.</summary>
    /// <param name="share">The share, 1 = 100 %.</param>
    /// <returns>The cell.</returns>
    public static IRenderable Percent(double share) => new Text(ProblemText.Percent(share)).RightJustified();

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
}
