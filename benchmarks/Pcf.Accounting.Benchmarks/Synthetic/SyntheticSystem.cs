namespace Pcf.Accounting.Benchmarks.Synthetic;

/// <summary>A synthetic technosphere as triplets: <c>A</c> (n×n, unit diagonal, inputs negative) and the direct emissions <c>B</c> (3×n: CO2, CH4, N2O per run).</summary>
internal sealed class SyntheticSystem
{
    public SyntheticSystem(int size, int[] rows, int[] columns, double[] values, int[] emissionGases, int[] emissionColumns, double[] emissionValues)
    {
        Size = size;
        Rows = rows;
        Columns = columns;
        Values = values;
        EmissionGases = emissionGases;
        EmissionColumns = emissionColumns;
        EmissionValues = emissionValues;
    }

    /// <summary>Gets the number of processes (one product each).</summary>
    public int Size { get; }

    /// <summary>Gets the row of each technosphere triplet (the supplying process).</summary>
    public int[] Rows { get; }

    /// <summary>Gets the column of each technosphere triplet (the consuming process).</summary>
    public int[] Columns { get; }

    /// <summary>Gets the value of each technosphere triplet: 1 on the diagonal, minus the amount consumed per run elsewhere.</summary>
    public double[] Values { get; }

    /// <summary>Gets the gas (0 CO2, 1 CH4, 2 N2O) of each emission triplet.</summary>
    public int[] EmissionGases { get; }

    /// <summary>Gets the emitting process of each emission triplet.</summary>
    public int[] EmissionColumns { get; }

    /// <summary>Gets the kilograms per run of each emission triplet.</summary>
    public double[] EmissionValues { get; }
}
