using System.Buffers;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>The solves: block forward and back substitution, allocation-free with a caller's workspace.</summary>
internal sealed partial class SparseLu
{
    /// <summary>Solves <c>A x = f</c>, renting its workspace from the shared array pool.</summary>
    /// <returns><see langword="false"/> when the solution overflowed: <paramref name="x"/> then holds a NaN or infinity at each original column (process) that did.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="f"/> holds a NaN or infinity.</exception>
    public bool TrySolve(ReadOnlySpan<double> f, Span<double> x)
    {
        double[] rented = ArrayPool<double>.Shared.Rent(_n);
        try
        {
            return TrySolve(f, x, rented.AsSpan(0, _n));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Solves <c>A x = f</c> using a caller's workspace of length <see cref="Size"/>; allocates nothing.</summary>
    /// <returns><see langword="false"/> when the solution overflowed: <paramref name="x"/> then holds a NaN or infinity at each original column (process) that did.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="f"/> holds a NaN or infinity.</exception>
    public bool TrySolve(ReadOnlySpan<double> f, Span<double> x, Span<double> workspace)
    {
        CheckArguments(f, x, workspace, nameof(f));
        int n = _n;
        Span<double> b = workspace[..n];
        int[] rowOrder = _rowOrder, starts = _blockStarts;
        int[] op = _op, oi = _oi;
        double[] ox = _ox, d = _diagonal;
        for (int p = 0; p < n; p++)
        {
            b[p] = f[rowOrder[p]];
        }

        int[] denseBlocks = DenseBlocks;
        int nextDense = 0;
        for (int k = 0; k + 1 < starts.Length; k++)
        {
            int s = starts[k], e = starts[k + 1];
            if (e - s > 1)
            {
                DenseTail? tail = nextDense < denseBlocks.Length && denseBlocks[nextDense] == k ? DenseTails[nextDense++] : null;
                SolveBlock(s, e, tail, b);
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
        bool finite = true;
        for (int p = 0; p < n; p++)
        {
            double v = b[p];
            finite &= double.IsFinite(v);
            x[columnOrder[p]] = v;
        }

        return finite;
    }

    /// <summary>Solves <c>Aᵀ y = c</c>, renting its workspace from the shared array pool.</summary>
    /// <returns><see langword="false"/> when the solution overflowed: <paramref name="y"/> then holds a NaN or infinity at each original row (product) that did.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="c"/> holds a NaN or infinity.</exception>
    public bool TrySolveTransposed(ReadOnlySpan<double> c, Span<double> y)
    {
        double[] rented = ArrayPool<double>.Shared.Rent(_n);
        try
        {
            return TrySolveTransposed(c, y, rented.AsSpan(0, _n));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Solves <c>Aᵀ y = c</c> using a caller's workspace of length <see cref="Size"/>; allocates nothing.</summary>
    /// <returns><see langword="false"/> when the solution overflowed: <paramref name="y"/> then holds a NaN or infinity at each original row (product) that did.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="c"/> holds a NaN or infinity.</exception>
    public bool TrySolveTransposed(ReadOnlySpan<double> c, Span<double> y, Span<double> workspace)
    {
        // Aᵀ = Q Mᵀ P with M = P A Q block lower triangular, so Mᵀ z = Qᵀ c is block upper
        // triangular: blocks from last to first, each pulling the solved later blocks, then
        // Uᵀ w = r and Lᵀ z = w; finally y = Pᵀ z.
        CheckArguments(c, y, workspace, nameof(c));
        int n = _n;
        Span<double> z = workspace[..n];
        int[] columnOrder = _columnOrder, starts = _blockStarts;
        int[] op = _op, oi = _oi;
        double[] ox = _ox, d = _diagonal;
        for (int p = 0; p < n; p++)
        {
            z[p] = c[columnOrder[p]];
        }

        int[] denseBlocks = DenseBlocks;
        int nextDense = denseBlocks.Length - 1;
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
                DenseTail? tail = nextDense >= 0 && denseBlocks[nextDense] == k ? DenseTails[nextDense--] : null;
                SolveBlockTransposed(s, e, tail, z);
            }
            else
            {
                z[s] /= d[s];
            }
        }

        int[] rowOrder = _rowOrder;
        bool finite = true;
        for (int p = 0; p < n; p++)
        {
            double v = z[p];
            finite &= double.IsFinite(v);
            y[rowOrder[p]] = v;
        }

        return finite;
    }

    /// <summary>Solves <c>M_kk x = b</c> in place for the diagonal block of positions s..e-1 (b indexed by position).</summary>
    private void SolveBlock(int s, int e, DenseTail? tail, Span<double> b)
    {
        int[] lp = _lp, li = _li, up = _up, ui = _ui;
        double[] lx = _lx, ux = _ux, d = _diagonal;

        // Forward substitution with the unit lower factor, then back substitution with U; a dense tail (positions ds..e-1)
        // has no sparse L columns: its L and U come between, then its columns' sparse U entries (rows before ds).
        int ds = tail?.Start ?? e;
        for (int j = s; j < ds; j++)
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

        if (tail is not null)
        {
            tail.Solve(b.Slice(ds, e - ds));
            for (int j = e - 1; j >= ds; j--)
            {
                double xj = b[j];
                if (xj != 0)
                {
                    for (int t = up[j]; t < up[j + 1]; t++)
                    {
                        b[ui[t]] -= ux[t] * xj;
                    }
                }
            }
        }

        for (int j = ds - 1; j >= s; j--)
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

    /// <summary>Solves <c>M_kkᵀ z = r</c> in place for the diagonal block of positions s..e-1 (z indexed by position).</summary>
    private void SolveBlockTransposed(int s, int e, DenseTail? tail, Span<double> z)
    {
        int[] lp = _lp, li = _li, up = _up, ui = _ui;
        double[] lx = _lx, ux = _ux, d = _diagonal;
        int ds = tail?.Start ?? e;
        for (int j = s; j < ds; j++)
        {
            double sum = z[j];
            for (int t = up[j]; t < up[j + 1]; t++)
            {
                sum -= ux[t] * z[ui[t]];
            }

            z[j] = sum / d[j];
        }

        if (tail is not null)
        {
            for (int j = ds; j < e; j++)
            {
                double sum = z[j];
                for (int t = up[j]; t < up[j + 1]; t++)
                {
                    sum -= ux[t] * z[ui[t]];
                }

                z[j] = sum;
            }

            tail.SolveTransposed(z.Slice(ds, e - ds));
        }

        for (int j = ds - 1; j >= s; j--)
        {
            double sum = z[j];
            for (int t = lp[j]; t < lp[j + 1]; t++)
            {
                sum -= lx[t] * z[li[t]];
            }

            z[j] = sum;
        }
    }

    /// <summary>Solves <c>A x = f</c> for a system known to be well-conditioned (tests, benchmarks).</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="f"/> holds a NaN or infinity.</exception>
    /// <exception cref="InvalidOperationException">The solution overflowed.</exception>
    public void Solve(ReadOnlySpan<double> f, Span<double> x, Span<double> workspace)
    {
        if (!TrySolve(f, x, workspace))
        {
            throw NonFinite(x, "column");
        }
    }

    /// <inheritdoc cref="Solve(ReadOnlySpan{double}, Span{double}, Span{double})"/>
    public void Solve(ReadOnlySpan<double> f, Span<double> x)
    {
        if (!TrySolve(f, x))
        {
            throw NonFinite(x, "column");
        }
    }

    /// <summary>Solves <c>Aᵀ y = c</c> for a system known to be well-conditioned (tests, benchmarks).</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="c"/> holds a NaN or infinity.</exception>
    /// <exception cref="InvalidOperationException">The solution overflowed.</exception>
    public void SolveTransposed(ReadOnlySpan<double> c, Span<double> y, Span<double> workspace)
    {
        if (!TrySolveTransposed(c, y, workspace))
        {
            throw NonFinite(y, "row");
        }
    }

    /// <inheritdoc cref="SolveTransposed(ReadOnlySpan{double}, Span{double}, Span{double})"/>
    public void SolveTransposed(ReadOnlySpan<double> c, Span<double> y)
    {
        if (!TrySolveTransposed(c, y))
        {
            throw NonFinite(y, "row");
        }
    }

    private static InvalidOperationException NonFinite(ReadOnlySpan<double> solution, string what)
    {
        int first = 0;
        while (double.IsFinite(solution[first]))
        {
            first++;
        }

        return new InvalidOperationException($"The solution is not finite: it overflowed at {what} {first}.");
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
}
