using System.Buffers;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>
/// A sparse LU factorization of a square matrix in block triangular form, ready to solve
/// <c>A x = f</c> and <c>Aᵀ y = c</c> for any number of right-hand sides.
/// </summary>
/// <remarks>
/// <para>Steps, in the manner of KLU (Davis &amp; Palamadai Natarajan 2010): a maximum transversal only
/// if the diagonal has a structural zero; the strongly connected components (iterative Tarjan) give
/// the diagonal blocks; 1×1 blocks are a division; larger blocks are ordered by approximate minimum
/// degree on the block's <c>B + Bᵀ</c> and factorized by a left-looking Gilbert–Peierls LU with
/// threshold partial pivoting that keeps the diagonal when <c>|b_jj| ≥ 0.001 · max |column|</c>.
/// The entries outside the diagonal blocks are not factorized; solves use them in block back-substitution.
/// An acyclic system has only 1×1 blocks and is solved in one pass in topological order.</para>
/// <para>Positions: the matrix is permuted to <c>M = P A Q</c>; row position p is original row
/// <c>RowOrder[p]</c>, column position p is original column <c>ColumnOrder[p]</c>. Diagonal block
/// k covers positions <c>BlockStarts[k] .. BlockStarts[k+1]-1</c>, where <c>M_kk = L_k U_k</c>, and
/// every entry of column position p lies in a row position of p's block or a later one.</para>
/// </remarks>
/// <threadsafety>Immutable once built: any number of threads may solve at once.</threadsafety>
internal sealed class SparseLu
{
    /// <summary>Pivot tolerance of threshold partial pivoting: the diagonal is kept if it is at least this share of the column's largest entry (KLU's default).</summary>
    internal const double PivotTolerance = 0.001;

    /// <summary>A pivot below this share of its column's largest magnitude means the block is numerically singular.</summary>
    internal const double SingularityTolerance = 1e-14;

    /// <summary>Blocks up to this size keep their natural order instead of an AMD ordering.</summary>
    private const int NaturalOrderLimit = 4;

    private readonly int _n;
    private readonly int[] _rowOrder;
    private readonly int[] _columnOrder;
    private readonly int[] _blockStarts;
    private readonly int[] _lp, _li, _up, _ui, _op, _oi;
    private readonly double[] _lx, _ux, _ox, _diagonal;

    private SparseLu(
        int n, int[] rowOrder, int[] columnOrder, int[] blockStarts,
        int[] lp, int[] li, double[] lx, int[] up, int[] ui, double[] ux, double[] diagonal,
        int[] op, int[] oi, double[] ox)
    {
        _n = n;
        _rowOrder = rowOrder;
        _columnOrder = columnOrder;
        _blockStarts = blockStarts;
        _lp = lp;
        _li = li;
        _lx = lx;
        _up = up;
        _ui = ui;
        _ux = ux;
        _diagonal = diagonal;
        _op = op;
        _oi = oi;
        _ox = ox;
        int largest = 0;
        for (int k = 0; k + 1 < blockStarts.Length; k++)
        {
            largest = Math.Max(largest, blockStarts[k + 1] - blockStarts[k]);
        }

        LargestBlock = largest;
    }

    /// <summary>Gets the order of the system.</summary>
    public int Size => _n;

    /// <summary>Gets the number of diagonal blocks (strongly connected components).</summary>
    public int BlockCount => _blockStarts.Length - 1;

    /// <summary>Gets the size of the largest diagonal block.</summary>
    public int LargestBlock { get; }

    /// <summary>Gets nnz(L) + nnz(U) of the diagonal blocks, the diagonal counted once and L's unit diagonal not counted.</summary>
    public long FactorNonZeroCount => (long)_lp[_n] + _up[_n] + _n;

    /// <summary>Gets the number of entries outside the diagonal blocks.</summary>
    public int OffDiagonalNonZeroCount => _op[_n];

    /// <summary>Gets the original row at each position.</summary>
    internal ReadOnlySpan<int> RowOrder => _rowOrder;

    /// <summary>Gets the original column at each position.</summary>
    internal ReadOnlySpan<int> ColumnOrder => _columnOrder;

    /// <summary>Gets the block starts, closed by <see cref="Size"/>.</summary>
    internal ReadOnlySpan<int> BlockStarts => _blockStarts;

    /// <summary>Factorizes <paramref name="a"/>.</summary>
    /// <exception cref="SingularSystemException">The matrix is structurally or numerically singular; the exception names the processes (columns) of the offending block.</exception>
    public static SparseLu Factorize(SparseMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return FactorizeAcyclic(a) ?? FactorizeGeneral(a);
    }

    /// <summary>Factorizes through the block triangular form, whatever the matrix (the path of every matrix that is not acyclic).</summary>
    internal static SparseLu FactorizeGeneral(SparseMatrix a) => new Factorizer(a, BlockTriangularForm.Compute(a)).Run();

    /// <summary>
    /// Factorizes a matrix whose every diagonal entry is present and whose graph is acyclic (product trees, most supply
    /// chains): only 1×1 blocks, so the factorization is the topological order, the diagonal and the other entries
    /// rearranged by position. Returns <see langword="null"/> for any other matrix, for the general path.
    /// </summary>
    /// <remarks>Implementation note: the result is the one the general path makes (the same Kahn order: roots by index,
    /// then first in, first out, each column's entries in storage order; the same entries by position), in three passes
    /// instead of about eight: in-degrees in storage order; Kahn's sort, which reads each column once, in topological
    /// order, and writes its diagonal and other entries at its position as it goes (a column's in-degree slot becomes its
    /// position once placed); row indices to positions. About 40 instead of 64 bytes per node.</remarks>
    /// <exception cref="SingularSystemException">A diagonal entry is zero (reported as the general path does).</exception>
    private static SparseLu? FactorizeAcyclic(SparseMatrix a)
    {
        int n = a.Size;
        int[] cp = a.ColumnPointers, ri = a.RowIndices;
        double[] av = a.Values;

        // In-degree of each column (entries in its row from other columns); a column without its diagonal needs a
        // transversal, so the general path.
        var position = new int[n];
        int outside = 0;
        for (int j = 0; j < n; j++)
        {
            bool diagonal = false;
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = ri[p];
                if (i == j)
                {
                    diagonal = true;
                }
                else
                {
                    position[i]++;
                    outside++;
                }
            }

            if (!diagonal)
            {
                return null;
            }
        }

        var order = new int[n];
        int tail = 0;
        for (int j = 0; j < n; j++)
        {
            if (position[j] == 0)
            {
                position[j] = tail;
                order[tail++] = j;
            }
        }

        // A placed column has no entries left to count down, so its slot holds its position from then on.
        var d = new double[n];
        var op = new int[n + 1];
        var oi = new int[outside];
        var ox = new double[outside];
        int w = 0;
        for (int q = 0; q < tail; q++)
        {
            int j = order[q];
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = ri[p];
                if (i == j)
                {
                    d[q] = av[p];
                    continue;
                }

                oi[w] = i;
                ox[w++] = av[p];
                if (--position[i] == 0)
                {
                    position[i] = tail;
                    order[tail++] = i;
                }
            }

            op[q + 1] = w;
        }

        if (tail < n)
        {
            return null; // a cycle
        }

        for (int q = 0; q < n; q++)
        {
            if (d[q] == 0)
            {
                throw ZeroDiagonal(order, q);
            }
        }

        for (int t = 0; t < oi.Length; t++)
        {
            oi[t] = position[oi[t]];
        }

        var blockStarts = new int[n + 1];
        for (int q = 0; q <= n; q++)
        {
            blockStarts[q] = q;
        }

        // No block has L or U entries: one zero array serves as both pointer arrays.
        var none = new int[n + 1];
        return new SparseLu(n, order, order, blockStarts, none, [], [], none, [], [], d, op, oi, ox);
    }

    private static SingularSystemException ZeroDiagonal(int[] columnOrder, int q) => BlockSingular(
        $"Process {columnOrder[q]} is singular: its diagonal entry (reference output) is zero and no loop supplies it.",
        columnOrder, q, q + 1);

    /// <summary>Solves <c>A x = f</c>, renting its workspace from the shared array pool.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="f"/> holds a NaN or infinity.</exception>
    /// <exception cref="SingularSystemException">The solution overflowed (the system is numerically singular).</exception>
    public void Solve(ReadOnlySpan<double> f, Span<double> x)
    {
        double[] rented = ArrayPool<double>.Shared.Rent(_n);
        try
        {
            Solve(f, x, rented.AsSpan(0, _n));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Solves <c>A x = f</c> using a caller's workspace of length <see cref="Size"/>; allocates nothing.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="f"/> holds a NaN or infinity.</exception>
    /// <exception cref="SingularSystemException">The solution overflowed (the system is numerically singular).</exception>
    public void Solve(ReadOnlySpan<double> f, Span<double> x, Span<double> workspace)
    {
        CheckArguments(f, x, workspace, nameof(f));
        int n = _n;
        Span<double> b = workspace[..n];
        int[] rowOrder = _rowOrder, starts = _blockStarts;
        int[] lp = _lp, li = _li, up = _up, ui = _ui, op = _op, oi = _oi;
        double[] lx = _lx, ux = _ux, ox = _ox, d = _diagonal;
        for (int p = 0; p < n; p++)
        {
            b[p] = f[rowOrder[p]];
        }

        for (int k = 0; k + 1 < starts.Length; k++)
        {
            int s = starts[k], e = starts[k + 1];
            if (e - s > 1)
            {
                // Forward substitution with the unit lower factor, then back substitution with U.
                for (int j = s; j < e; j++)
                {
                    double bj = b[j];
                    if (bj != 0)
                    {
                        for (int t = lp[j]; t < lp[j + 1]; t++)
                        {
                            b[li[t]] -= lx[t] * bj;
                        }
                    }
                }

                for (int j = e - 1; j >= s; j--)
                {
                    double xj = b[j] / d[j];
                    b[j] = xj;
                    if (xj != 0)
                    {
                        for (int t = up[j]; t < up[j + 1]; t++)
                        {
                            b[ui[t]] -= ux[t] * xj;
                        }
                    }
                }
            }
            else
            {
                b[s] /= d[s];
            }

            // Push the solved block into the rows of later blocks.
            for (int j = s; j < e; j++)
            {
                double xj = b[j];
                if (xj != 0)
                {
                    for (int t = op[j]; t < op[j + 1]; t++)
                    {
                        b[oi[t]] -= ox[t] * xj;
                    }
                }
            }
        }

        int[] columnOrder = _columnOrder;
        int bad = -1;
        for (int p = 0; p < n; p++)
        {
            double v = b[p];
            if (!double.IsFinite(v) && bad < 0)
            {
                bad = p;
            }

            x[columnOrder[p]] = v;
        }

        if (bad >= 0)
        {
            throw Overflow(bad);
        }
    }

    /// <summary>Solves <c>Aᵀ y = c</c>, renting its workspace from the shared array pool.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="c"/> holds a NaN or infinity.</exception>
    /// <exception cref="SingularSystemException">The solution overflowed (the system is numerically singular).</exception>
    public void SolveTransposed(ReadOnlySpan<double> c, Span<double> y)
    {
        double[] rented = ArrayPool<double>.Shared.Rent(_n);
        try
        {
            SolveTransposed(c, y, rented.AsSpan(0, _n));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Solves <c>Aᵀ y = c</c> using a caller's workspace of length <see cref="Size"/>; allocates nothing.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="c"/> holds a NaN or infinity.</exception>
    /// <exception cref="SingularSystemException">The solution overflowed (the system is numerically singular).</exception>
    public void SolveTransposed(ReadOnlySpan<double> c, Span<double> y, Span<double> workspace)
    {
        // Aᵀ = Q Mᵀ P with M = P A Q block lower triangular, so Mᵀ z = Qᵀ c is block upper
        // triangular: blocks from last to first, each pulling the solved later blocks, then
        // Uᵀ w = r and Lᵀ z = w; finally y = Pᵀ z.
        CheckArguments(c, y, workspace, nameof(c));
        int n = _n;
        Span<double> z = workspace[..n];
        int[] columnOrder = _columnOrder, starts = _blockStarts;
        int[] lp = _lp, li = _li, up = _up, ui = _ui, op = _op, oi = _oi;
        double[] lx = _lx, ux = _ux, ox = _ox, d = _diagonal;
        for (int p = 0; p < n; p++)
        {
            z[p] = c[columnOrder[p]];
        }

        for (int k = starts.Length - 2; k >= 0; k--)
        {
            int s = starts[k], e = starts[k + 1];
            for (int j = s; j < e; j++)
            {
                double sum = z[j];
                for (int t = op[j]; t < op[j + 1]; t++)
                {
                    sum -= ox[t] * z[oi[t]];
                }

                z[j] = sum;
            }

            if (e - s > 1)
            {
                for (int j = s; j < e; j++)
                {
                    double sum = z[j];
                    for (int t = up[j]; t < up[j + 1]; t++)
                    {
                        sum -= ux[t] * z[ui[t]];
                    }

                    z[j] = sum / d[j];
                }

                for (int j = e - 1; j >= s; j--)
                {
                    double sum = z[j];
                    for (int t = lp[j]; t < lp[j + 1]; t++)
                    {
                        sum -= lx[t] * z[li[t]];
                    }

                    z[j] = sum;
                }
            }
            else
            {
                z[s] /= d[s];
            }
        }

        int[] rowOrder = _rowOrder;
        int bad = -1;
        for (int p = 0; p < n; p++)
        {
            double v = z[p];
            if (!double.IsFinite(v) && bad < 0)
            {
                bad = p;
            }

            y[rowOrder[p]] = v;
        }

        if (bad >= 0)
        {
            throw Overflow(bad);
        }
    }

    private static SingularSystemException BlockSingular(string message, int[] columnOrder, int start, int end)
    {
        var processes = new int[end - start];
        Array.Copy(columnOrder, start, processes, 0, processes.Length);
        Array.Sort(processes);
        return new SingularSystemException(message, processes);
    }

    private SingularSystemException Overflow(int position)
    {
        int k = Array.BinarySearch(_blockStarts, position);
        if (k < 0)
        {
            k = ~k - 1;
        }

        return BlockSingular(
            $"The solution is not finite: the block of {_blockStarts[k + 1] - _blockStarts[k]} process(es) starting with process {_columnOrder[_blockStarts[k]]} is numerically singular.",
            _columnOrder, _blockStarts[k], _blockStarts[k + 1]);
    }

    private void CheckArguments(ReadOnlySpan<double> rhs, Span<double> solution, Span<double> workspace, string rhsName)
    {
        if (rhs.Length != _n)
        {
            throw new ArgumentException($"Expected a right-hand side of length {_n}, got {rhs.Length}.", rhsName);
        }

        if (solution.Length != _n)
        {
            throw new ArgumentException($"Expected a solution span of length {_n}, got {solution.Length}.", nameof(solution));
        }

        if (workspace.Length < _n)
        {
            throw new ArgumentException($"Expected a workspace of at least {_n}, got {workspace.Length}.", nameof(workspace));
        }

        for (int i = 0; i < rhs.Length; i++)
        {
            if (!double.IsFinite(rhs[i]))
            {
                throw new ArgumentOutOfRangeException(rhsName, rhs[i], $"Entry {i} of the right-hand side is not finite.");
            }
        }
    }

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

        // Block workspace, sized for the largest block and reused.
        private int[] _bp = [], _bi = [], _pinv = [], _stamp = [], _reach = [], _dfsStack = [], _dfsNext = [], _localOf = [], _pivotRow = [], _pruneEnd = [];
        private double[] _bx = [], _x = [];

        public Factorizer(SparseMatrix a, BlockTriangularForm btf)
        {
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

        public SparseLu Run()
        {
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
                        throw ZeroDiagonal(columnOrder, s);
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

                    FactorizeBlock(s, e, rowOrder, columnOrder);
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

            return new SparseLu(n, rowOrder, columnOrder, _blockStarts, _lp, _li, _lx, _up, _ui, _ux, _diagonal, op, oi, ox);
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
        }

        /// <summary>Orders and factorizes the diagonal block of positions s..e-1, updating the row and column orders.</summary>
        private void FactorizeBlock(int s, int e, int[] rowOrder, int[] columnOrder)
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

            for (int k = 0; k < m; k++)
            {
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
                if (pivot < 0 || Math.Abs(pivotValue) <= SingularityTolerance * Math.Max(columnMax, max) || !double.IsFinite(pivotValue))
                {
                    for (int t = top; t < m; t++)
                    {
                        x[reach[t]] = 0;
                    }

                    _lnz = lnz;
                    _unz = unz;
                    throw BlockSingular(
                        $"A loop of {m} process(es) is singular (it nets no output of some product, or a product in it has no supplier); " +
                        $"the elimination broke down at process {columnOrder[s + order[k]]}.",
                        columnOrder, s, e);
                }

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
                        double l = x[r] / pivotValue;
                        if (l != 0)
                        {
                            li[lnz] = r;
                            lx[lnz++] = l;
                        }
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
