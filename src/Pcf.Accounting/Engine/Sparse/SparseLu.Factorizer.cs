namespace Pcf.Accounting.Engine.Sparse;

/// <summary>The general path: block triangular form, AMD per block, left-looking LU per block.</summary>
internal sealed partial class SparseLu
{
    /// <summary>The mutable state of one factorization; discarded once the result is built.</summary>
    private sealed class Factorizer
    {
        private readonly SparseMatrix _a;
        private readonly int _n;
        private readonly int[] _rowOrder;
        private readonly int[] _columnOrder;
        private readonly int[] _blockStarts;
        private readonly int[] _lp, _up;
        private readonly double[] _diagonal;
        private int[] _li = [], _ui = [];
        private double[] _lx = [], _ux = [];
        private readonly double _pivotTolerance;
        private int _lnz, _unz;
        private double _smallestRelativePivot = 1;

        // Block workspace, sized for the largest block and reused.
        private int[] _bp = [], _bi = [], _pinv = [], _stamp = [], _reach = [], _dfsStack = [], _dfsNext = [], _localOf = [], _pivotRow = [], _pruneEnd = [];
        private double[] _bx = [], _x = [];
        private int[] _denseIndex = [];

        private readonly SparseLuOptions _options;
        private readonly List<int> _denseBlocks = [];
        private readonly List<DenseTail> _denseTails = [];

        public Factorizer(SparseMatrix a, BlockTriangularForm btf, SparseLuOptions options)
        {
            _options = options;
            _a = a;
            _n = a.Size;
            _rowOrder = (int[])btf.RowOrder.Clone();
            _columnOrder = btf.RowOrder == btf.ColumnOrder ? _rowOrder : (int[])btf.ColumnOrder.Clone();

            // The diagonal means something (a process's own output) unless a transversal had to
            // invent one; then plain partial pivoting is the safer choice.
            _pivotTolerance = btf.RowOrder == btf.ColumnOrder ? PivotTolerance : 1;
            _blockStarts = btf.BlockStarts;
            _lp = new int[_n + 1];
            _up = new int[_n + 1];
            _diagonal = new double[_n];
        }

        /// <summary>Factorizes every block; on a singular block stops and returns <see langword="null"/> with <paramref name="singular"/> set.</summary>
        public SparseLu? Run(out SingularBlock? singular)
        {
            singular = null;
            int n = _n;
            int[] cp = _a.ColumnPointers, ri = _a.RowIndices;
            double[] av = _a.Values;
            int largest = 0;
            for (int k = 0; k + 1 < _blockStarts.Length; k++)
            {
                largest = Math.Max(largest, _blockStarts[k + 1] - _blockStarts[k]);
            }

            if (largest > 1)
            {
                AllocateBlockWorkspace(largest);
            }

            // A separate row order is needed once pivoting moves rows within a block.
            int[] rowOrder = _rowOrder;
            int[] columnOrder = _columnOrder;
            bool shared = ReferenceEquals(rowOrder, columnOrder);

            // One pass over the columns in storage order (sequential reads; the lookups by position are
            // independent, so they overlap in the memory system): count the entries outside the diagonal
            // blocks per column position and pick up the diagonal of each 1x1 block. Pivoting permutes rows
            // only within a block, so "below the block" and the 1x1 diagonals are already final here.
            var rowPosition = new int[n];
            var columnPosition = new int[n];
            var blockEnd = new int[n];
            for (int p = 0; p < n; p++)
            {
                rowPosition[rowOrder[p]] = p;
                columnPosition[columnOrder[p]] = p;
            }

            for (int k = 0; k + 1 < _blockStarts.Length; k++)
            {
                int e = _blockStarts[k + 1];
                for (int q = _blockStarts[k]; q < e; q++)
                {
                    blockEnd[q] = e;
                }
            }

            var outsideCount = new int[n];   // by original column: a block's ordering permutes its columns later
            for (int j = 0; j < n; j++)
            {
                int q = columnPosition[j], e = blockEnd[q], count = 0;
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int r = rowPosition[ri[p]];
                    if (r >= e)
                    {
                        count++;
                    }
                    else if (r == q && e == q + 1)
                    {
                        _diagonal[q] = av[p];
                    }
                }

                outsideCount[j] = count;
            }

            for (int k = 0; k + 1 < _blockStarts.Length; k++)
            {
                int s = _blockStarts[k], e = _blockStarts[k + 1];
                if (e - s == 1)
                {
                    if (_diagonal[s] == 0)
                    {
                        singular = ZeroDiagonal(columnOrder, s);
                        return null;
                    }

                    _lp[s + 1] = _lnz;
                    _up[s + 1] = _unz;
                }
                else
                {
                    if (shared)
                    {
                        rowOrder = (int[])rowOrder.Clone();
                        shared = false;
                    }

                    singular = FactorizeBlock(k, s, e, rowOrder, columnOrder);
                    if (singular is not null)
                    {
                        return null;
                    }
                }
            }

            Array.Resize(ref _li, _lnz);
            Array.Resize(ref _lx, _lnz);
            Array.Resize(ref _ui, _unz);
            Array.Resize(ref _ux, _unz);

            // Entries outside the diagonal blocks, by column position, with (final) row positions; within
            // a column in storage order, as before.
            if (largest > 1)
            {
                for (int p = 0; p < n; p++)
                {
                    rowPosition[rowOrder[p]] = p;
                    columnPosition[columnOrder[p]] = p;
                }
            }

            var op = new int[n + 1];
            for (int q = 0; q < n; q++)
            {
                op[q + 1] = op[q] + outsideCount[columnOrder[q]];
            }

            int total = op[n];
            var oi = new int[total];
            var ox = new double[total];
            for (int j = 0; j < n; j++)
            {
                int q = columnPosition[j], e = blockEnd[q], w = op[q];
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int r = rowPosition[ri[p]];
                    if (r >= e)
                    {
                        oi[w] = r;
                        ox[w++] = av[p];
                    }
                }
            }

            return new SparseLu(_a, n, rowOrder, columnOrder, _blockStarts, _lp, _li, _lx, _up, _ui, _ux, _diagonal, op, oi, ox)
            {
                Options = _options,
                DenseBlocks = [.. _denseBlocks],
                DenseTails = [.. _denseTails],
                SmallestRelativePivot = _smallestRelativePivot,
            };
        }

        private void AllocateBlockWorkspace(int size)
        {
            _bp = new int[size + 1];
            _pinv = new int[size];
            _stamp = new int[size];
            _reach = new int[size];
            _dfsStack = new int[size];
            _dfsNext = new int[size];
            _pivotRow = new int[size];
            _pruneEnd = new int[size];
            _x = new double[size];
            _localOf = new int[_n];
            _denseIndex = new int[size];
        }

        /// <summary>Orders and factorizes the diagonal block of positions s..e-1, updating the row and column orders.</summary>
        /// <returns><see langword="null"/>, or the block when it is numerically singular.</returns>
        private SingularBlock? FactorizeBlock(int block, int s, int e, int[] rowOrder, int[] columnOrder)
        {
            int m = e - s;
            int[] cp = _a.ColumnPointers, ri = _a.RowIndices;
            double[] av = _a.Values;
            int[] localOf = _localOf;   // original row -> local row (valid for this block's rows)
            for (int t = 0; t < m; t++)
            {
                localOf[rowOrder[s + t]] = t;
            }

            // Local pattern: local column c = position s + c, local row r = position s + r.
            int blockNnz = 0;
            for (int c = 0; c < m; c++)
            {
                int j = columnOrder[s + c];
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int r = ri[p];
                    if (IsInBlock(r, s, e, rowOrder, localOf))
                    {
                        blockNnz++;
                    }
                }
            }

            int[] order = m <= NaturalOrderLimit ? Identity(m) : OrderBlock(m, s, e, rowOrder, columnOrder, localOf);
            var inverse = new int[m];
            for (int k = 0; k < m; k++)
            {
                inverse[order[k]] = k;
            }

            // B' = block permuted symmetrically by the ordering, in CSC.
            if (_bi.Length < blockNnz)
            {
                _bi = new int[blockNnz];
                _bx = new double[blockNnz];
            }

            int[] bp = _bp, bi = _bi;
            double[] bx = _bx;
            int nz = 0;
            for (int k = 0; k < m; k++)
            {
                bp[k] = nz;
                int j = columnOrder[s + order[k]];
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int r = ri[p];
                    if (IsInBlock(r, s, e, rowOrder, localOf))
                    {
                        bi[nz] = inverse[localOf[r]];
                        bx[nz++] = av[p];
                    }
                }
            }

            bp[m] = nz;
            EnsureCapacity(ref _li, ref _lx, _lnz + nz);
            EnsureCapacity(ref _ui, ref _ux, _unz + nz);
            int[] pinv = _pinv, stamp = _stamp, reach = _reach, stack = _dfsStack, nextChild = _dfsNext, pivotRow = _pivotRow, pruneEnd = _pruneEnd;
            int[] lp = _lp, up = _up;
            double[] x = _x, diagonal = _diagonal;
            Array.Fill(pinv, -1, 0, m);
            Array.Fill(stamp, -1, 0, m);
            Array.Fill(pruneEnd, -1, 0, m);
            int lStart = _lnz;
            int lnz = _lnz, unz = _unz;
            int[] li = _li, ui = _ui;
            double[] lx = _lx, ux = _ux;

            // Dense tail: from column denseFrom on, the remaining rows and columns are gathered into a dense matrix (column c,
            // row denseIndex[local row]) after the updates of the sparse columns, and factorized at the end.
            int denseFrom = -1, denseSize = 0;
            double[] dense = [];
            double[] denseColumnMax = [];
            int[] denseRows = [];
            for (int k = 0; k < m; k++)
            {
                if (denseFrom < 0 && k > 0 && m - k >= _options.MinimumDenseSize
                    && lp[s + k] - lp[s + k - 1] >= _options.DenseSwitchDensity * (m - k))
                {
                    denseFrom = k;
                    denseSize = m - k;
                    dense = new double[(long)denseSize * denseSize > Array.MaxLength ? throw new InsufficientMemoryException($"A dense block of {denseSize} is too large.") : denseSize * denseSize];
                    denseColumnMax = new double[denseSize];
                    denseRows = new int[denseSize];
                    for (int r = 0, i = 0; r < m; r++)
                    {
                        if (pinv[r] < 0)
                        {
                            _denseIndex[r] = i;
                            denseRows[i++] = r;
                        }
                    }
                }

                // Symbolic: the rows reachable from column k's pattern through L, in topological order.
                // A pruned column (symmetric pruning, Eisenstat & Liu 1992, as in KLU) is only searched
                // over its rows that were pivotal when it was pruned: the others are reached another way.
                int top = m;
                for (int p = bp[k]; p < bp[k + 1]; p++)
                {
                    int r0 = bi[p];
                    if (stamp[r0] == k)
                    {
                        continue;
                    }

                    int head = 0;
                    stack[0] = r0;
                    stamp[r0] = k;
                    int c0 = pinv[r0];
                    nextChild[0] = c0 >= 0 ? lp[s + c0] : 0;
                    while (head >= 0)
                    {
                        int r = stack[head];
                        int col = pinv[r];
                        bool descended = false;
                        if (col >= 0)
                        {
                            int end = pruneEnd[col] >= 0 ? pruneEnd[col] : lp[s + col + 1];
                            for (int t = nextChild[head]; t < end; t++)
                            {
                                int child = li[t];
                                if (stamp[child] != k)
                                {
                                    nextChild[head] = t + 1;
                                    stamp[child] = k;
                                    stack[++head] = child;
                                    int cc = pinv[child];
                                    nextChild[head] = cc >= 0 ? lp[s + cc] : 0;
                                    descended = true;
                                    break;
                                }
                            }
                        }

                        if (!descended)
                        {
                            reach[--top] = r;
                            head--;
                        }
                    }
                }

                // Numeric: x = B'(:, k) minus the updates of the pivotal rows, in topological order.
                double columnMax = 0;
                for (int p = bp[k]; p < bp[k + 1]; p++)
                {
                    x[bi[p]] = bx[p];
                    columnMax = Math.Max(columnMax, Math.Abs(bx[p]));
                }

                if (ui.Length < unz + (m - top))
                {
                    _unz = unz;
                    EnsureCapacity(ref _ui, ref _ux, unz + (m - top));
                    ui = _ui;
                    ux = _ux;
                }

                int uStart = unz;
                for (int t = top; t < m; t++)
                {
                    int r = reach[t];
                    int col = pinv[r];
                    if (col < 0)
                    {
                        continue;
                    }

                    double xr = x[r];
                    ui[unz] = s + col;
                    ux[unz++] = xr;
                    if (xr != 0)
                    {
                        int qEnd = lp[s + col + 1];
                        for (int q = lp[s + col]; q < qEnd; q++)
                        {
                            x[li[q]] -= lx[q] * xr;
                        }
                    }
                }

                if (denseFrom >= 0)
                {
                    int column = (k - denseFrom) * denseSize;
                    int[] denseIndex = _denseIndex;
                    for (int t = top; t < m; t++)
                    {
                        int r = reach[t];
                        if (pinv[r] < 0)
                        {
                            dense[column + denseIndex[r]] = x[r];
                        }

                        x[r] = 0;
                    }

                    denseColumnMax[k - denseFrom] = columnMax;
                    lp[s + k + 1] = lnz;
                    up[s + k + 1] = unz;
                    continue;
                }

                // Threshold partial pivoting with a preference for the diagonal row k.
                int best = -1;
                double max = 0;
                for (int t = top; t < m; t++)
                {
                    int r = reach[t];
                    if (pinv[r] < 0)
                    {
                        double v = Math.Abs(x[r]);
                        if (v > max || best < 0)
                        {
                            max = Math.Max(v, max);
                            best = r;
                        }
                    }
                }

                int pivot = best;
                if (stamp[k] == k && pinv[k] < 0 && Math.Abs(x[k]) >= _pivotTolerance * max)
                {
                    pivot = k;
                }

                double pivotValue = pivot >= 0 ? x[pivot] : 0;
                double relativePivot = Math.Abs(pivotValue) / Math.Max(columnMax, max);
                if (pivot < 0 || !(relativePivot > SingularityTolerance) || !double.IsFinite(pivotValue))
                {
                    for (int t = top; t < m; t++)
                    {
                        x[reach[t]] = 0;
                    }

                    _lnz = lnz;
                    _unz = unz;
                    return SingularBlock.Numerical(
                        columnOrder, s, e, Math.Min(_smallestRelativePivot, double.IsFinite(relativePivot) ? relativePivot : 0), columnOrder[s + order[k]]);
                }

                _smallestRelativePivot = Math.Min(_smallestRelativePivot, relativePivot);
                pinv[pivot] = k;
                pivotRow[k] = pivot;
                diagonal[s + k] = pivotValue;
                if (li.Length < lnz + (m - top))
                {
                    _lnz = lnz;
                    EnsureCapacity(ref _li, ref _lx, lnz + (m - top));
                    li = _li;
                    lx = _lx;
                }

                for (int t = top; t < m; t++)
                {
                    int r = reach[t];
                    if (pinv[r] < 0)
                    {
                        // Kept even when zero: a refactorization with other values needs the whole pattern.
                        li[lnz] = r;
                        lx[lnz++] = x[r] / pivotValue;
                    }

                    x[r] = 0;
                }

                lp[s + k + 1] = lnz;
                up[s + k + 1] = unz;

                // Symmetric pruning: every earlier column j of U(:, k) whose L(:, j) holds the pivot row can
                // skip, in later searches, its rows that are not yet pivotal (they are reached through k).
                // Rows are reordered within the column (values with them), so each update is unchanged.
                for (int t = uStart; t < unz; t++)
                {
                    int col = ui[t] - s;
                    if (pruneEnd[col] >= 0)
                    {
                        continue;
                    }

                    int head = lp[s + col], tail = lp[s + col + 1];
                    for (int q = head; q < tail; q++)
                    {
                        if (li[q] != pivot)
                        {
                            continue;
                        }

                        while (head < tail)
                        {
                            int r = li[head];
                            if (pinv[r] >= 0)
                            {
                                head++;
                            }
                            else
                            {
                                tail--;
                                li[head] = li[tail];
                                li[tail] = r;
                                (lx[head], lx[tail]) = (lx[tail], lx[head]);
                            }
                        }

                        pruneEnd[col] = tail;
                        break;
                    }
                }
            }

            _lnz = lnz;
            _unz = unz;
            if (denseFrom >= 0)
            {
                var permutation = new int[denseSize];
                if (!DenseTail.Factorize(dense, denseSize, permutation, denseColumnMax, _options.MaxDegreeOfParallelism, _options.ParallelWorkThreshold, out int failed, out double smallest))
                {
                    return SingularBlock.Numerical(columnOrder, s, e, Math.Min(_smallestRelativePivot, smallest), columnOrder[s + order[denseFrom + failed]]);
                }

                _smallestRelativePivot = Math.Min(_smallestRelativePivot, smallest);
                for (int i = 0; i < denseSize; i++)
                {
                    int row = denseRows[permutation[i]];
                    pinv[row] = denseFrom + i;
                    pivotRow[denseFrom + i] = row;
                    diagonal[s + denseFrom + i] = dense[(i * denseSize) + i];
                }

                _denseBlocks.Add(block);
                _denseTails.Add(new DenseTail(s + denseFrom, denseSize, dense));
            }

            // L's rows are local rows until now: rename them to their final positions.
            for (int t = lStart; t < _lnz; t++)
            {
                _li[t] = s + pinv[_li[t]];
            }

            // Final orders: column position s+k is the k-th ordered column; row position s+k is the
            // row chosen as the k-th pivot.
            var columns = new int[m];
            var rows = new int[m];
            for (int k = 0; k < m; k++)
            {
                columns[k] = columnOrder[s + order[k]];
                rows[k] = rowOrder[s + order[pivotRow[k]]];
            }

            Array.Copy(columns, 0, columnOrder, s, m);
            Array.Copy(rows, 0, rowOrder, s, m);
            return null;
        }

        private static bool IsInBlock(int originalRow, int s, int e, int[] rowOrder, int[] localOf)
        {
            int t = localOf[originalRow];
            return (uint)t < (uint)(e - s) && rowOrder[s + t] == originalRow;
        }

        /// <summary>AMD on the pattern of B + Bᵀ of the block (local indices).</summary>
        private int[] OrderBlock(int m, int s, int e, int[] rowOrder, int[] columnOrder, int[] localOf)
        {
            int[] cp = _a.ColumnPointers, ri = _a.RowIndices;

            // The ordering is symmetric, so pair local column c with local row c (the diagonal).
            var degree = new int[m + 1];
            for (int c = 0; c < m; c++)
            {
                int j = columnOrder[s + c];
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int r = ri[p];
                    if (IsInBlock(r, s, e, rowOrder, localOf))
                    {
                        int lr = localOf[r];
                        if (lr != c)
                        {
                            degree[lr + 1]++;
                            degree[c + 1]++;
                        }
                    }
                }
            }

            for (int i = 0; i < m; i++)
            {
                degree[i + 1] += degree[i];
            }

            var adjacency = new int[degree[m]];
            var fill = new int[m];
            Array.Copy(degree, fill, m);
            for (int c = 0; c < m; c++)
            {
                int j = columnOrder[s + c];
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int r = ri[p];
                    if (IsInBlock(r, s, e, rowOrder, localOf))
                    {
                        int lr = localOf[r];
                        if (lr != c)
                        {
                            adjacency[fill[lr]++] = c;
                            adjacency[fill[c]++] = lr;
                        }
                    }
                }
            }

            // Remove duplicates (an entry and its transpose both present), compacting in place.
            var seen = new int[m];
            Array.Fill(seen, -1);
            var pointers = new int[m + 1];
            int w = 0;
            for (int i = 0; i < m; i++)
            {
                pointers[i] = w;
                for (int p = degree[i]; p < degree[i + 1]; p++)
                {
                    int j = adjacency[p];
                    if (seen[j] != i)
                    {
                        seen[j] = i;
                        adjacency[w++] = j;
                    }
                }
            }

            pointers[m] = w;
            return ApproximateMinimumDegree.Order(m, pointers, adjacency.AsSpan(0, w));
        }

        private static int[] Identity(int m)
        {
            var order = new int[m];
            for (int i = 0; i < m; i++)
            {
                order[i] = i;
            }

            return order;
        }

        private static void EnsureCapacity(ref int[] indices, ref double[] values, int needed)
        {
            if (indices.Length < needed)
            {
                int size = Math.Max(needed, Math.Max(16, indices.Length * 2));
                Array.Resize(ref indices, size);
                Array.Resize(ref values, size);
            }
        }
    }
}
