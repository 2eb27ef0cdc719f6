using System.Globalization;

namespace Pcf.Accounting.Gases;

/// <summary>The embedded IPCC GWP table (<c>Data/globalwarmingpotentials.csv</c>; sources in <c>Data/SOURCES.md</c>).</summary>
internal static class IpccGwpTable
{
    internal const string ResourceName = "Pcf.Accounting.Gases.Data.globalwarmingpotentials.csv";

    private static readonly Lazy<(string[] Columns, List<(string Species, double?[] Values)> Rows)> Table = new(Load);

    /// <summary>Gets the species named in the table, in file order.</summary>
    internal static IEnumerable<string> Species => Table.Value.Rows.Select(r => r.Species);

    /// <summary>Gets every species with a value in <paramref name="column"/> (such as <c>AR5GWP100</c>).</summary>
    internal static IEnumerable<(string Species, double Value)> Column(string column)
    {
        var (columns, rows) = Table.Value;
        int index = Array.IndexOf(columns, column);
        if (index < 0)
        {
            throw new InvalidOperationException($"The embedded GWP table has no column '{column}'.");
        }

        foreach (var (species, values) in rows)
        {
            if (values[index] is double value)
            {
                yield return (species, value);
            }
        }
    }

    private static (string[] Columns, List<(string Species, double?[] Values)> Rows) Load()
    {
        using var stream = typeof(IpccGwpTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        string[]? columns = null;
        var rows = new List<(string, double?[])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue; // the file's header comments name the sources
            }

            var cells = line.Split(',');
            if (columns is null)
            {
                columns = cells[1..];
                continue;
            }

            var values = new double?[columns.Length];
            for (int i = 0; i < columns.Length && i + 1 < cells.Length; i++)
            {
                if (cells[i + 1].Length > 0)
                {
                    values[i] = double.Parse(cells[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture);
                }
            }

            rows.Add((cells[0], values));
        }

        return (columns ?? throw new InvalidOperationException("The embedded GWP table has no header."), rows);
    }
}
