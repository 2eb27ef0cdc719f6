using System.Collections.Immutable;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>An estimate of the 1-norm condition number of the worst-conditioned diagonal block (loop) of a factorized matrix.</summary>
/// <param name="Value">The estimate, at least 1 (exactly 1 when the matrix has no block larger than 1×1); a lower bound of
/// the true condition number, usually within a factor of 3 of it.</param>
/// <param name="Columns">The original columns of that block, ascending; empty when there is no block larger than 1×1.</param>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record ConditionEstimate(double Value, ImmutableArray<int> Columns);

/// <summary>The condition estimate (Hager 1984, Higham 1988, as LAPACK's xLACN2 and KLU's klu_condest).</summary>
internal sealed partial class SparseLu
{
    /// <summary>Above this estimate a solution is still given, with a warning: rounding alone may change its relative value by up to the estimate × 1.1·10⁻¹⁶ (10⁻⁴ here).</summary>
    internal const double IllConditionedThreshold = 1e12;

    /// <summary>At or above this estimate (1 / 2⁻⁵², about 4.5·10¹⁵) rounding alone may change every digit of a solution: the engine refuses the system.</summary>
    internal const double HopelessConditionThreshold = 1 / 2.220446049250313e-16;

    private const int ConditionIterations = 5;

    /// <summary>
    /// Gets an estimate of the 1-norm condition number <c>‖B‖₁ ‖B⁻¹‖₁</c> of the worst diagonal block, where <c>B</c> is
    /// the block with its rows, then its columns, scaled to a largest magnitude of 1; computed on first use with a few
    /// solves of each block larger than 1×1, then kept.
    /// </summary>
    /// <remarks>
    /// <para>Why per block and scaled: a loop that nearly nets nothing (a gain close to 1) is what makes a technosphere
    /// ill-conditioned; the blocks outside loops are solved by substitution alone. Units do not count: measuring a
    /// product in tonnes instead of kilograms scales a row and changes the plain condition number by 1000, not the
    /// scaled one (the equilibration of LAPACK's xGEEQU, applied before the estimate as xGESVX does).</para>
    /// <para>The estimate is a lower bound found by Hager's method with Higham's refinements: at most five pairs of
    /// solves with the block and its transpose, then one more with an alternating vector.</para>
    /// </remarks>
    public ConditionEstimate Condition => _condition ??= EstimateCondition();

    private ConditionEstimate EstimateCondition()
    {
        int largest = LargestBlock;
        if (largest <= 1)
        {
            return new ConditionEstimate(1, []);
        }

        var rowPosition = new int[_n];
        for (int p = 0; p < _n; p++)
        {
            rowPosition[_rowOrder[p]] = p;
        }

        var work = new ConditionWork(largest, _n);
        double worst = 1;
        int worstStart = -1, worstEnd = -1;
        for (int k = 0; k + 1 < _blockStarts.Length; k++)
        {
            int s = _blockStarts[k], e = _blockStarts[k + 1];
            if (e - s < 2)
            {
                continue;
            }

            int dense = Array.IndexOf(DenseBlocks, k);
            double estimate = BlockCondition(s, e, dense >= 0 ? DenseTails[dense] : null, rowPosition, work);
            if (estimate > worst || !double.IsFinite(estimate) || worstStart < 0)
            {
                worst = double.IsFinite(estimate) ? Math.Max(estimate, 1) : double.PositiveInfinity;
                worstStart = s;
                worstEnd = e;
                if (!double.IsFinite(estimate))
                {
                    break;
                }
            }
        }

        var columns = new int[worstEnd - worstStart];
        Array.Copy(_columnOrder, worstStart, columns, 0, columns.Length);
        Array.Sort(columns);
        return new ConditionEstimate(worst, ImmutableArray.Create(columns));
    }

    private double BlockCondition(int s, int e, DenseTail? tail, int[] rowPosition, ConditionWork work)
    {
        int m = e - s;
        int[] cp = _matrix.ColumnPointers, ri = _matrix.RowIndices;
        double[] av = _matrix.Values;
        Span<double> r = work.RowScale.AsSpan(0, m), c = work.ColumnScale.AsSpan(0, m);
        Span<double> x = work.X.AsSpan(0, m), y = work.Y.AsSpan(0, m);
        Span<sbyte> sign = work.Sign.AsSpan(0, m);

        // Row scales r (largest magnitude of each row of the block), then column scales c of R⁻¹ M.
        r.Clear();
        for (int q = s; q < e; q++)
        {
            int j = _columnOrder[q];
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = rowPosition[ri[p]] - s;
                if ((uint)i < (uint)m)
                {
                    r[i] = Math.Max(r[i], Math.Abs(av[p]));
                }
            }
        }

        double norm = 0;
        for (int q = s; q < e; q++)
        {
            int j = _columnOrder[q];
            double max = 0;
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = rowPosition[ri[p]] - s;
                if ((uint)i < (uint)m)
                {
                    max = Math.Max(max, Math.Abs(av[p]) / r[i]);
                }
            }

            c[q - s] = max;
            double sum = 0;
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = rowPosition[ri[p]] - s;
                if ((uint)i < (uint)m)
                {
                    sum += Math.Abs(av[p]) / (r[i] * max);
                }
            }

            norm = Math.Max(norm, sum);
        }

        // ‖B⁻¹‖₁ with B = R⁻¹ M C⁻¹: B⁻¹ v = C M⁻¹ R v and B⁻ᵀ v = R M⁻ᵀ C v.
        x.Fill(1.0 / m);
        double estimate = 0;
        int last = -1;
        for (int iteration = 0; iteration < ConditionIterations; iteration++)
        {
            ScaledSolve(s, e, tail, x, y, r, c, work.Positions, transposed: false);
            double size = OneNorm(y);
            if (!double.IsFinite(size))
            {
                return double.PositiveInfinity;
            }

            if (iteration > 0 && size <= estimate)
            {
                break;
            }

            estimate = size;
            bool same = iteration > 0;
            for (int i = 0; i < m; i++)
            {
                sbyte sg = y[i] >= 0 ? (sbyte)1 : (sbyte)-1;
                same &= sg == sign[i];
                sign[i] = sg;
            }

            if (same)
            {
                break;
            }

            for (int i = 0; i < m; i++)
            {
                x[i] = sign[i];
            }

            ScaledSolve(s, e, tail, x, y, r, c, work.Positions, transposed: true);
            int best = 0;
            for (int i = 1; i < m; i++)
            {
                if (Math.Abs(y[i]) > Math.Abs(y[best]))
                {
                    best = i;
                }
            }

            if (iteration > 0 && (best == last || Math.Abs(y[best]) <= Math.Abs(y[last])))
            {
                break;
            }

            last = best;
            x.Clear();
            x[best] = 1;
        }

        // Higham's alternating vector guards against the rare matrices that fool the iteration.
        for (int i = 0; i < m; i++)
        {
            x[i] = (i % 2 == 0 ? 1 : -1) * (1 + ((double)i / (m - 1)));
        }

        ScaledSolve(s, e, tail, x, y, r, c, work.Positions, transposed: false);
        double alternative = 2 * OneNorm(y) / (3.0 * m);
        return norm * Math.Max(estimate, alternative);
    }

    /// <summary>y = C M⁻¹ R x, or R M⁻ᵀ C x, for the diagonal block of positions s..e-1 (x is left unchanged).</summary>
    private void ScaledSolve(int s, int e, DenseTail? tail, Span<double> x, Span<double> y, Span<double> r, Span<double> c, double[] positions, bool transposed)
    {
        int m = x.Length;
        Span<double> b = positions.AsSpan(s, m);
        Span<double> before = transposed ? c : r, after = transposed ? r : c;
        for (int i = 0; i < m; i++)
        {
            b[i] = x[i] * before[i];
        }

        if (transposed)
        {
            SolveBlockTransposed(s, e, tail, positions);
        }
        else
        {
            SolveBlock(s, e, tail, positions);
        }

        for (int i = 0; i < m; i++)
        {
            y[i] = b[i] * after[i];
        }
    }

    private static double OneNorm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double value in v)
        {
            sum += Math.Abs(value);
        }

        return sum;
    }

    private sealed class ConditionWork(int size, int n)
    {
        public double[] Positions { get; } = new double[n];

        public double[] RowScale { get; } = new double[size];

        public double[] ColumnScale { get; } = new double[size];

        public double[] X { get; } = new double[size];

        public double[] Y { get; } = new double[size];

        public sbyte[] Sign { get; } = new sbyte[size];
    }
}
