namespace Pcf.Accounting.Engine.Sparse;

/// <summary>A square sparse matrix in compressed sparse column (CSC) form.</summary>
/// <remarks>
/// Column <c>j</c> holds the entries <c>ColumnPointers[j] .. ColumnPointers[j + 1] - 1</c> of
/// <see cref="RowIndices"/> and <see cref="Values"/>; rows are strictly increasing within a column
/// and every value is finite. Entries that sum to exactly zero are not stored, so the pattern is the
/// structure of the matrix. The arrays are owned by the instance and never changed after construction.
/// </remarks>
/// <threadsafety>Immutable once built; safe to share between threads.</threadsafety>
internal sealed class SparseMatrix
{
    private SparseMatrix(int size, int[] columnPointers, int[] rowIndices, double[] values)
    {
        Size = size;
        ColumnPointers = columnPointers;
        RowIndices = rowIndices;
        Values = values;
    }

    /// <summary>Gets the number of rows and columns.</summary>
    public int Size { get; }

    /// <summary>Gets the column starts (length <see cref="Size"/> + 1).</summary>
    public int[] ColumnPointers { get; }

    /// <summary>Gets the row index of each stored entry, sorted within each column.</summary>
    public int[] RowIndices { get; }

    /// <summary>Gets the value of each stored entry.</summary>
    public double[] Values { get; }

    /// <summary>Gets the number of stored entries.</summary>
    public int NonZeroCount => ColumnPointers[Size];

    /// <summary>Builds a matrix from (row, column, value) triplets; duplicates are summed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is negative, an index is out of range, or a value is not finite.</exception>
    /// <exception cref="ArgumentException">The three spans differ in length.</exception>
    public static SparseMatrix FromTriplets(int size, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, ReadOnlySpan<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rows.Length != columns.Length || rows.Length != values.Length)
        {
            throw new ArgumentException("Rows, columns and values must have the same length.", nameof(values));
        }

        int count = rows.Length;
        var columnCounts = new int[size + 1];
        for (int t = 0; t < count; t++)
        {
            int r = rows[t], c = columns[t];
            if ((uint)r >= (uint)size)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"Row index of entry {t} is outside 0..{size - 1}.");
            }

            if ((uint)c >= (uint)size)
            {
                throw new ArgumentOutOfRangeException(nameof(columns), c, $"Column index of entry {t} is outside 0..{size - 1}.");
            }

            if (!double.IsFinite(values[t]))
            {
                throw new ArgumentOutOfRangeException(nameof(values), values[t], $"Value of entry {t} is not finite.");
            }

            columnCounts[c + 1]++;
        }

        // Bucket by row first (counting sort), then by column: a stable two-pass sort gives rows
        // sorted within each column in O(n + nnz).
        var rowCounts = new int[size + 1];
        for (int t = 0; t < count; t++)
        {
            rowCounts[rows[t] + 1]++;
        }

        for (int i = 0; i < size; i++)
        {
            rowCounts[i + 1] += rowCounts[i];
        }

        var byRow = new int[count];
        var next = (int[])rowCounts.Clone();
        for (int t = 0; t < count; t++)
        {
            byRow[next[rows[t]]++] = t;
        }

        for (int j = 0; j < size; j++)
        {
            columnCounts[j + 1] += columnCounts[j];
        }

        var sortedRows = new int[count];
        var sortedValues = new double[count];
        Array.Copy(columnCounts, next, size);
        foreach (int t in byRow)
        {
            int p = next[columns[t]]++;
            sortedRows[p] = rows[t];
            sortedValues[p] = values[t];
        }

        // Sum duplicates (adjacent now) and drop exact zeros, compacting in place.
        var pointers = new int[size + 1];
        int write = 0;
        for (int j = 0; j < size; j++)
        {
            pointers[j] = write;
            int end = columnCounts[j + 1];
            int p = columnCounts[j];
            while (p < end)
            {
                int r = sortedRows[p];
                double sum = sortedValues[p++];
                while (p < end && sortedRows[p] == r)
                {
                    sum += sortedValues[p++];
                }

                if (!double.IsFinite(sum))
                {
                    throw new ArgumentOutOfRangeException(nameof(values), sum, $"Entries at ({r}, {j}) sum to a non-finite value.");
                }

                if (sum != 0)
                {
                    sortedRows[write] = r;
                    sortedValues[write++] = sum;
                }
            }
        }

        pointers[size] = write;
        Array.Resize(ref sortedRows, write);
        Array.Resize(ref sortedValues, write);
        return new SparseMatrix(size, pointers, sortedRows, sortedValues);
    }

    /// <summary>Wraps CSC arrays that are already valid (sorted, in range, finite, no zeros); for internal builders.</summary>
    internal static SparseMatrix FromValidCsc(int size, int[] columnPointers, int[] rowIndices, double[] values) =>
        new(size, columnPointers, rowIndices, values);

    /// <summary>Computes <c>y = A x</c>.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckLength(x.Length, nameof(x));
        CheckLength(y.Length, nameof(y));
        y.Clear();
        int[] cp = ColumnPointers, ri = RowIndices;
        double[] v = Values;
        for (int j = 0; j < Size; j++)
        {
            double xj = x[j];
            if (xj == 0)
            {
                continue;
            }

            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                y[ri[p]] += v[p] * xj;
            }
        }
    }

    /// <summary>Computes <c>y = Aᵀ x</c>.</summary>
    public void MultiplyTransposed(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckLength(x.Length, nameof(x));
        CheckLength(y.Length, nameof(y));
        int[] cp = ColumnPointers, ri = RowIndices;
        double[] v = Values;
        for (int j = 0; j < Size; j++)
        {
            double sum = 0;
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                sum += v[p] * x[ri[p]];
            }

            y[j] = sum;
        }
    }

    /// <summary>Returns <c>Aᵀ</c>, again with rows sorted within each column.</summary>
    public SparseMatrix Transpose()
    {
        int n = Size, nnz = NonZeroCount;
        var pointers = new int[n + 1];
        for (int p = 0; p < nnz; p++)
        {
            pointers[RowIndices[p] + 1]++;
        }

        for (int i = 0; i < n; i++)
        {
            pointers[i + 1] += pointers[i];
        }

        var next = new int[n];
        Array.Copy(pointers, next, n);
        var rows = new int[nnz];
        var values = new double[nnz];
        for (int j = 0; j < n; j++)
        {
            for (int p = ColumnPointers[j]; p < ColumnPointers[j + 1]; p++)
            {
                int q = next[RowIndices[p]]++;
                rows[q] = j;
                values[q] = Values[p];
            }
        }

        return new SparseMatrix(n, pointers, rows, values);
    }

    /// <summary>The same pattern with other values (in this matrix's storage order); entries that are zero stay stored.</summary>
    /// <exception cref="ArgumentException">The length differs from <see cref="NonZeroCount"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    internal SparseMatrix WithValues(ReadOnlySpan<double> values)
    {
        CheckValues(values, nameof(values));
        return new SparseMatrix(Size, ColumnPointers, RowIndices, values.ToArray());
    }

    /// <summary>Checks values for <see cref="WithValues"/> or a refactorization: one per stored entry, all finite.</summary>
    internal void CheckValues(ReadOnlySpan<double> values, string name)
    {
        if (values.Length != NonZeroCount)
        {
            throw new ArgumentException($"Expected {NonZeroCount} values (one per stored entry), got {values.Length}.", name);
        }

        for (int p = 0; p < values.Length; p++)
        {
            if (!double.IsFinite(values[p]))
            {
                throw new ArgumentOutOfRangeException(name, values[p], $"Value {p} is not finite.");
            }
        }
    }

    /// <summary>Returns the dense form (row-major); for tests and small systems only.</summary>
    public double[,] ToDense()
    {
        var dense = new double[Size, Size];
        for (int j = 0; j < Size; j++)
        {
            for (int p = ColumnPointers[j]; p < ColumnPointers[j + 1]; p++)
            {
                dense[RowIndices[p], j] = Values[p];
            }
        }

        return dense;
    }

    private void CheckLength(int length, string name)
    {
        if (length != Size)
        {
            throw new ArgumentException($"Expected a vector of length {Size}, got {length}.", name);
        }
    }
}
