using System.Collections.Immutable;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>
/// Permutes a square sparse matrix to block lower triangular form: a maximum transversal (only when
/// the diagonal has a structural zero) followed by the strongly connected components of its graph.
/// </summary>
/// <remarks>
/// Both algorithms are iterative (explicit stacks), so graphs of millions of nodes are fine.
/// Rows and columns of block <c>k</c> are positions <see cref="BlockStarts"/>[k] ..
/// <see cref="BlockStarts"/>[k + 1] - 1; entries of column positions in block k only have row positions
/// in blocks k or later, so <c>A x = f</c> is solved block by block in increasing order.
/// </remarks>
internal sealed class BlockTriangularForm
{
    private BlockTriangularForm(int[] rowOrder, int[] columnOrder, int[] blockStarts)
    {
        RowOrder = rowOrder;
        ColumnOrder = columnOrder;
        BlockStarts = blockStarts;
    }

    /// <summary>Gets the original row at each position.</summary>
    public int[] RowOrder { get; }

    /// <summary>Gets the original column at each position.</summary>
    public int[] ColumnOrder { get; }

    /// <summary>Gets the first position of each block, plus the size as the last element.</summary>
    public int[] BlockStarts { get; }

    /// <summary>Gets the number of diagonal blocks.</summary>
    public int BlockCount => BlockStarts.Length - 1;

    /// <summary>Computes the block triangular form of a matrix known to be structurally non-singular (tests, benchmarks).</summary>
    /// <exception cref="InvalidOperationException">The matrix is structurally singular.</exception>
    public static BlockTriangularForm Compute(SparseMatrix a) =>
        TryCompute(a, out var singular) ?? throw new InvalidOperationException(singular!.Describe());

    /// <summary>Computes the block triangular form, or the columns that make the matrix structurally singular.</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="singular">Set, with the unmatched columns, when no complete transversal exists.</param>
    /// <returns>The form, or <see langword="null"/> when the matrix is structurally singular.</returns>
    public static BlockTriangularForm? TryCompute(SparseMatrix a, out SingularBlock? singular)
    {
        ArgumentNullException.ThrowIfNull(a);
        singular = null;
        int n = a.Size;
        int[] cp = a.ColumnPointers, ri = a.RowIndices;

        // columnOfRow[i] = the column whose diagonal position row i takes. Identity when every
        // diagonal entry is present (always so for technosphere matrices built by the engine).
        int[]? columnOfRow = null;
        for (int j = 0; j < n; j++)
        {
            if (Array.BinarySearch(ri, cp[j], cp[j + 1] - cp[j], j) < 0)
            {
                columnOfRow = MaximumTransversal(a, out var unmatched);
                if (columnOfRow is null)
                {
                    singular = new SingularBlock(Singularity.Structural, unmatched, null, null);
                    return null;
                }

                break;
            }
        }

        // Acyclic systems (product trees, most supply chains) are common and large: a topological
        // sort is a cheaper, more cache-friendly pass than Tarjan, and gives the same 1x1 blocks.
        int[] blockStarts;
        var columnOrder = TopologicalOrder(n, cp, ri, columnOfRow);
        if (columnOrder is not null)
        {
            blockStarts = new int[n + 1];
            for (int p = 0; p <= n; p++)
            {
                blockStarts[p] = p;
            }
        }
        else
        {
            columnOrder = StronglyConnectedComponents(n, cp, ri, columnOfRow, out blockStarts);
        }

        int[] rowOrder;
        if (columnOfRow is null)
        {
            rowOrder = columnOrder;
        }
        else
        {
            var rowOfColumn = new int[n];
            for (int i = 0; i < n; i++)
            {
                rowOfColumn[columnOfRow[i]] = i;
            }

            rowOrder = new int[n];
            for (int p = 0; p < n; p++)
            {
                rowOrder[p] = rowOfColumn[columnOrder[p]];
            }
        }

        return new BlockTriangularForm(rowOrder, columnOrder, blockStarts);
    }

    /// <summary>
    /// Finds a row for every column such that the matched entries are structurally non-zero
    /// (depth-first augmenting paths with a cheap-assignment look-ahead, after Duff's MC21).
    /// </summary>
    /// <returns>The column matched to each row, or <see langword="null"/> when no complete matching exists.</returns>
    /// <param name="a">The matrix.</param>
    /// <param name="unmatchedColumns">The columns left without a row, ascending (empty on success).</param>
    internal static int[]? MaximumTransversal(SparseMatrix a, out ImmutableArray<int> unmatchedColumns)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.Size;
        int[] cp = a.ColumnPointers, ri = a.RowIndices;
        var columnOfRow = new int[n];
        Array.Fill(columnOfRow, -1);
        var cheap = new int[n];      // next entry to try for a cheap (free-row) assignment
        var next = new int[n];       // next entry to try in the depth-first search
        var visited = new int[n];    // stamp: column visited in the search from column k
        var columns = new int[n];    // DFS stack of columns
        var rows = new int[n];       // row chosen at each level of the stack
        Array.Fill(visited, -1);
        for (int j = 0; j < n; j++)
        {
            cheap[j] = cp[j];
        }

        var unmatched = new List<int>();
        for (int k = 0; k < n; k++)
        {
            int head = 0;
            columns[0] = k;
            bool found = false;
            while (head >= 0)
            {
                int j = columns[head];
                if (visited[j] != k)
                {
                    visited[j] = k;
                    int p = cheap[j], end = cp[j + 1];
                    for (; p < end; p++)
                    {
                        if (columnOfRow[ri[p]] == -1)
                        {
                            break;
                        }
                    }

                    cheap[j] = p < end ? p + 1 : end;
                    if (p < end)
                    {
                        rows[head] = ri[p];
                        found = true;
                        break;
                    }

                    next[j] = cp[j];
                }

                int q = next[j], qend = cp[j + 1];
                for (; q < qend; q++)
                {
                    int other = columnOfRow[ri[q]];
                    if (visited[other] != k)
                    {
                        break;
                    }
                }

                next[j] = q < qend ? q + 1 : qend;
                if (q < qend)
                {
                    rows[head] = ri[q];
                    columns[++head] = columnOfRow[ri[q]];
                }
                else
                {
                    head--;
                }
            }

            if (found)
            {
                for (int level = 0; level <= head; level++)
                {
                    columnOfRow[rows[level]] = columns[level];
                }
            }
            else
            {
                unmatched.Add(k);
            }
        }

        unmatchedColumns = [.. unmatched];
        if (unmatched.Count > 0)
        {
            return null;
        }

        return columnOfRow;
    }

    /// <summary>
    /// Kahn's topological sort of the graph with an edge from column j to column <c>columnOfRow[i]</c>
    /// for every off-diagonal entry (i, j): every column comes before the columns whose rows it feeds.
    /// </summary>
    /// <returns>The columns in topological order, or <see langword="null"/> if the graph has a cycle.</returns>
    internal static int[]? TopologicalOrder(int n, int[] cp, int[] ri, int[]? columnOfRow)
    {
        var inDegree = new int[n];
        for (int j = 0; j < n; j++)
        {
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int w = columnOfRow is null ? ri[p] : columnOfRow[ri[p]];
                if (w != j)
                {
                    inDegree[w]++;
                }
            }
        }

        // The order array doubles as the FIFO queue: order[head..tail) are ready, not yet expanded.
        var order = new int[n];
        int tail = 0;
        for (int j = 0; j < n; j++)
        {
            if (inDegree[j] == 0)
            {
                order[tail++] = j;
            }
        }

        for (int head = 0; head < tail; head++)
        {
            int j = order[head];
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int w = columnOfRow is null ? ri[p] : columnOfRow[ri[p]];
                if (w != j && --inDegree[w] == 0)
                {
                    order[tail++] = w;
                }
            }
        }

        return tail == n ? order : null;
    }

    /// <summary>
    /// Tarjan's strongly connected components, iteratively, on the graph with an edge from column j to
    /// column <c>columnOfRow[i]</c> for every entry (i, j).
    /// </summary>
    /// <returns>The columns ordered by block (blocks in solve order).</returns>
    internal static int[] StronglyConnectedComponents(int n, int[] cp, int[] ri, int[]? columnOfRow, out int[] blockStarts)
    {
        var index = new int[n];
        var low = new int[n];
        var edge = new int[n];
        var stack = new int[n];
        var calls = new int[n];
        var onStack = new bool[n];
        var order = new int[n];
        Array.Fill(index, -1);
        var starts = new List<int>();
        int counter = 0, top = 0, write = n;

        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            int depth = 0;
            calls[0] = root;
            index[root] = low[root] = counter++;
            edge[root] = cp[root];
            stack[top++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                int v = calls[depth];
                int p = edge[v];
                if (p < cp[v + 1])
                {
                    edge[v] = p + 1;
                    int w = columnOfRow is null ? ri[p] : columnOfRow[ri[p]];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        edge[w] = cp[w];
                        stack[top++] = w;
                        onStack[w] = true;
                        calls[++depth] = w;
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }

                    continue;
                }

                depth--;
                if (low[v] == index[v])
                {
                    // Tarjan emits a component after every component reachable from it, i.e. after
                    // the components whose rows depend on its columns: fill the order from the back.
                    int w;
                    do
                    {
                        w = stack[--top];
                        onStack[w] = false;
                        order[--write] = w;
                    }
                    while (w != v);
                    starts.Add(write);
                }

                if (depth >= 0)
                {
                    int u = calls[depth];
                    if (low[v] < low[u])
                    {
                        low[u] = low[v];
                    }
                }
            }
        }

        // starts were recorded from the back; reverse to ascending and close with n.
        blockStarts = new int[starts.Count + 1];
        for (int k = 0; k < starts.Count; k++)
        {
            blockStarts[k] = starts[starts.Count - 1 - k];
        }

        blockStarts[starts.Count] = n;
        return order;
    }
}
