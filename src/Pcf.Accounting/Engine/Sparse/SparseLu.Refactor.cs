using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>
/// Numeric refactorization (as KLU's klu_refactor): new values on the same pattern reuse the block triangular form, the
/// orderings, the pivot sequence and the pattern of L and U, and only recompute their values.
/// </summary>
internal sealed partial class SparseLu
{
    private RefactorPlan? _plan;
    private double[]? _denseColumnMax;

    /// <summary>Gets where each stored entry of the matrix goes, built on first use and shared by every refactorization.</summary>
    private RefactorPlan Plan => _plan ??= RefactorPlan.Build(this);

    /// <summary>
    /// Refactorizes new values of the matrix on the same pattern, sharing this factorization's structure; falls back to a
    /// full factorization when a pivot of the kept sequence fails the threshold rule with the new values.
    /// </summary>
    /// <param name="values">The new values, one per stored entry of the factorized matrix, in its storage order (column by column).</param>
    /// <param name="lu">The new factorization.</param>
    /// <param name="fellBack"><see langword="true"/> when a pivot failed the check, so <paramref name="lu"/> comes from a full factorization (its own orderings and pivots).</param>
    /// <param name="singular">Set when the new values make the matrix singular.</param>
    /// <returns><see langword="true"/> when <paramref name="lu"/> was made.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public bool TryRefactor(ReadOnlySpan<double> values, [NotNullWhen(true)] out SparseLu? lu, out bool fellBack, [NotNullWhen(false)] out SingularBlock? singular)
    {
        _matrix.CheckValues(values, nameof(values));
        var copy = CopyNumeric(_matrix.WithValues(values));
        if (copy.RefactorValues(copy._matrix.Values, new double[Math.Max(LargestBlock, 1)], Options.MaxDegreeOfParallelism))
        {
            lu = copy;
            fellBack = false;
            singular = null;
            return true;
        }

        fellBack = true;
        return TryFactorize(copy._matrix, out lu, out singular);
    }

    /// <summary>Makes a numeric factorization for refactorizing many value sets on this structure, one per thread, without allocating.</summary>
    public NumericLu CreateNumeric() => new(this);

    /// <summary>A factorization with this one's structure (shared) and numeric arrays of its own, for <paramref name="matrix"/>'s values.</summary>
    internal SparseLu CopyNumeric(SparseMatrix matrix) => new(
        matrix, _n, _rowOrder, _columnOrder, _blockStarts,
        _lp, _li, new double[_lx.Length], _up, _ui, new double[_ux.Length], new double[_n], _op, _oi, new double[_ox.Length])
    {
        _plan = Plan,
        _denseColumnMax = DenseTails.Length == 0 ? null : new double[DenseTails.Max(t => t.Size)],
        Options = Options,
        DenseBlocks = DenseBlocks,
        DenseTails = [.. DenseTails.Select(t => t.CopyEmpty())],
    };

    /// <summary>Forgets the condition estimate after this factorization's values were overwritten in place.</summary>
    internal void ResetCondition() => _condition = null;

    /// <summary>
    /// Recomputes L, U, the diagonal and the entries outside the blocks from <paramref name="values"/> (the matrix's storage
    /// order) into this instance's numeric arrays, in place, with the kept pivot sequence; allocates nothing.
    /// </summary>
    /// <param name="values">The values of the stored entries.</param>
    /// <param name="x">Scratch of at least the largest block's size, all zero (left all zero).</param>
    /// <param name="threads">The largest number of threads for a dense part (1 allocates nothing).</param>
    /// <returns><see langword="false"/> when a pivot is below <see cref="PivotTolerance"/> of its column's largest candidate, or
    /// within <see cref="SingularityTolerance"/> of zero: the numeric arrays are then partly overwritten and must not be used.</returns>
    internal bool RefactorValues(ReadOnlySpan<double> values, Span<double> x, int threads)
    {
        int[] slot = Plan.Slot, cp = _matrix.ColumnPointers, columnOrder = _columnOrder, starts = _blockStarts;
        int[] lp = _lp, li = _li, up = _up, ui = _ui;
        double[] lx = _lx, ux = _ux, ox = _ox, d = _diagonal;
        int[] denseBlocks = DenseBlocks;
        int nextDense = 0;
        for (int k = 0; k + 1 < starts.Length; k++)
        {
            int s = starts[k], e = starts[k + 1];
            DenseTail? tail = nextDense < denseBlocks.Length && denseBlocks[nextDense] == k ? DenseTails[nextDense++] : null;
            int ds = tail?.Start ?? e;
            if (e - s == 1)
            {
                int j = columnOrder[s];
                double pivot = 0;
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int target = slot[p];
                    if (target >= 0)
                    {
                        ox[target] = values[p];
                    }
                    else
                    {
                        pivot = values[p];
                    }
                }

                if (pivot == 0)
                {
                    return false;
                }

                d[s] = pivot;
                continue;
            }

            for (int q = s; q < e; q++)
            {
                // Scatter the column (rows by position within the block), then the updates of the earlier columns of U(:, q)
                // in the order the factorization applied them (topological), so equal values give equal bits.
                int j = columnOrder[q];
                double columnMax = 0;
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int target = slot[p];
                    double v = values[p];
                    if (target >= 0)
                    {
                        ox[target] = v;
                    }
                    else
                    {
                        x[~target - s] = v;
                        columnMax = Math.Max(columnMax, Math.Abs(v));
                    }
                }

                for (int t = up[q]; t < up[q + 1]; t++)
                {
                    int r = ui[t];
                    double xr = x[r - s];
                    ux[t] = xr;
                    x[r - s] = 0;
                    if (xr != 0)
                    {
                        for (int l = lp[r]; l < lp[r + 1]; l++)
                        {
                            x[li[l] - s] -= lx[l] * xr;
                        }
                    }
                }

                if (q >= ds)
                {
                    // A dense column: what the sparse columns left in rows ds..e-1 (in final order, as the factors keep them).
                    int denseSize = e - ds;
                    int column = (q - ds) * denseSize;
                    double[] denseValues = tail!.Values;
                    for (int i = 0; i < denseSize; i++)
                    {
                        denseValues[column + i] = x[ds - s + i];
                        x[ds - s + i] = 0;
                    }

                    _denseColumnMax![q - ds] = columnMax;
                    continue;
                }

                double pivot = x[q - s];
                x[q - s] = 0;
                double max = 0;
                for (int l = lp[q]; l < lp[q + 1]; l++)
                {
                    max = Math.Max(max, Math.Abs(x[li[l] - s]));
                }

                double size = Math.Abs(pivot);
                if (!(size >= PivotTolerance * max) || !(size > SingularityTolerance * Math.Max(columnMax, max)) || !double.IsFinite(pivot))
                {
                    for (int l = lp[q]; l < lp[q + 1]; l++)
                    {
                        x[li[l] - s] = 0;
                    }

                    return false;
                }

                d[q] = pivot;
                for (int l = lp[q]; l < lp[q + 1]; l++)
                {
                    int r = li[l] - s;
                    lx[l] = x[r] / pivot;
                    x[r] = 0;
                }
            }

            if (tail is not null)
            {
                if (!DenseTail.Factorize(tail.Values, tail.Size, null, _denseColumnMax, threads, Options.ParallelWorkThreshold, out _, out _))
                {
                    return false;
                }

                for (int i = 0; i < tail.Size; i++)
                {
                    d[ds + i] = tail.Values[(i * tail.Size) + i];
                }
            }
        }

        return true;
    }

    /// <summary>Where each stored entry of the matrix goes in a refactorization.</summary>
    private sealed class RefactorPlan
    {
        private RefactorPlan(int[] slot) => Slot = slot;

        /// <summary>Gets, per stored entry: its index among the entries outside the diagonal blocks (≥ 0), or the complement
        /// (<c>~position</c>) of its row position when it lies in its column's diagonal block.</summary>
        public int[] Slot { get; }

        public static RefactorPlan Build(SparseLu lu)
        {
            int n = lu._n;
            int[] cp = lu._matrix.ColumnPointers, ri = lu._matrix.RowIndices;
            var rowPosition = new int[n];
            var columnPosition = new int[n];
            var blockEnd = new int[n];
            for (int p = 0; p < n; p++)
            {
                rowPosition[lu._rowOrder[p]] = p;
                columnPosition[lu._columnOrder[p]] = p;
            }

            for (int k = 0; k + 1 < lu._blockStarts.Length; k++)
            {
                for (int q = lu._blockStarts[k]; q < lu._blockStarts[k + 1]; q++)
                {
                    blockEnd[q] = lu._blockStarts[k + 1];
                }
            }

            // The factorization stores a column's outside entries in storage order from op[q]: the same walk finds each slot.
            var slot = new int[cp[n]];
            for (int j = 0; j < n; j++)
            {
                int q = columnPosition[j], e = blockEnd[q], w = lu._op[q];
                for (int p = cp[j]; p < cp[j + 1]; p++)
                {
                    int r = rowPosition[ri[p]];
                    slot[p] = r >= e ? w++ : ~r;
                }
            }

            return new RefactorPlan(slot);
        }
    }
}
