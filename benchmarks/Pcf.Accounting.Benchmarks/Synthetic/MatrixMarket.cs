using System.Globalization;
using System.Text;

namespace Pcf.Accounting.Benchmarks.Synthetic;

/// <summary>Reads and writes Matrix Market coordinate files (real, general or symmetric; 1-based; '%' comments), as SciPy's <c>mmwrite</c> writes them.</summary>
internal static class MatrixMarket
{
    /// <summary>Reads a square matrix as 0-based triplets; a symmetric file is expanded to both triangles.</summary>
    /// <exception cref="FormatException">The file is not a square coordinate real/integer matrix.</exception>
    public static (int Size, int[] Rows, int[] Columns, double[] Values) Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.ASCII, false, 1 << 16);
        string header = reader.ReadLine() ?? throw new FormatException("Empty file.");
        var words = header.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 5 || words[0] != "%%matrixmarket" || words[1] != "matrix" || words[2] != "coordinate")
        {
            throw new FormatException($"Not a Matrix Market coordinate matrix: '{header}'.");
        }

        if (words[3] is not ("real" or "integer" or "double"))
        {
            throw new FormatException($"Field '{words[3]}' is not supported (real or integer only).");
        }

        bool symmetric = words[4] switch
        {
            "general" => false,
            "symmetric" => true,
            _ => throw new FormatException($"Symmetry '{words[4]}' is not supported (general or symmetric only)."),
        };

        string? line;
        do
        {
            line = reader.ReadLine() ?? throw new FormatException("Missing size line.");
        }
        while (line.Length == 0 || line[0] == '%');

        var size = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int nr = int.Parse(size[0], CultureInfo.InvariantCulture), nc = int.Parse(size[1], CultureInfo.InvariantCulture);
        int entries = int.Parse(size[2], CultureInfo.InvariantCulture);
        if (nr != nc)
        {
            throw new FormatException($"The matrix is {nr}×{nc}, not square.");
        }

        int capacity = symmetric ? 2 * entries : entries;
        var rows = new int[capacity];
        var cols = new int[capacity];
        var vals = new double[capacity];
        int count = 0;
        Span<Range> parts = stackalloc Range[4];
        while ((line = reader.ReadLine()) is not null)
        {
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '%')
            {
                continue;
            }

            int np = span.SplitAny(parts, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (np < 3)
            {
                throw new FormatException($"Bad entry line '{line}'.");
            }

            int r = int.Parse(span[parts[0]], CultureInfo.InvariantCulture) - 1;
            int c = int.Parse(span[parts[1]], CultureInfo.InvariantCulture) - 1;
            double v = double.Parse(span[parts[2]], NumberStyles.Float, CultureInfo.InvariantCulture);
            rows[count] = r;
            cols[count] = c;
            vals[count++] = v;
            if (symmetric && r != c)
            {
                rows[count] = c;
                cols[count] = r;
                vals[count++] = v;
            }
        }

        Array.Resize(ref rows, count);
        Array.Resize(ref cols, count);
        Array.Resize(ref vals, count);
        return (nr, rows, cols, vals);
    }

    /// <summary>Writes triplets (0-based) as a coordinate real general file, values in round-trip form.</summary>
    public static void Write(string path, int size, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ReadOnlySpan<double> values)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("%%MatrixMarket matrix coordinate real general\n");
        writer.Write("% written by Pcf.Accounting.Benchmarks (synth)\n");
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{size} {size} {rows.Length}\n"));
        for (int t = 0; t < rows.Length; t++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{rows[t] + 1} {columns[t] + 1} {values[t]:R}\n"));
        }
    }
}
