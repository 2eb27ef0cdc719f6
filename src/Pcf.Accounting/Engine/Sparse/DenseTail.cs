using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>
/// The dense trailing part of a diagonal block: once the active submatrix of a block's LU has filled in, its last
/// <see cref="Size"/> columns are factorized as one dense matrix (blocked right-looking LU with partial pivoting).
/// </summary>
/// <remarks>
/// <para>Storage: column-major, <see cref="Size"/> × <see cref="Size"/>, rows in their final (pivoted) order; the unit lower
/// factor below the diagonal, the upper factor on and above it. Position <see cref="Start"/> + i of the block is dense row and
/// column i.</para>
/// <para>Determinism: every entry receives its updates in one fixed order (panel by panel, and within a panel by column),
/// each a fused multiply-add, whether computed in a vector lane or by the scalar remainder; threads split the trailing
/// columns, never a sum. So the bits depend neither on the number of threads nor on the vector width.</para>
/// </remarks>
internal sealed class DenseTail
{
    /// <summary>Columns per panel of the blocked LU.</summary>
    private const int PanelWidth = 48;

    /// <summary>Rows per cache block of the trailing update (PanelWidth × 192 × 8 bytes = 72 KB of L21).</summary>
    private const int RowBlock = 192;

    /// <summary>Trailing columns per parallel task.</summary>
    private const int ColumnsPerTask = 32;

    public DenseTail(int start, int size, double[] values)
    {
        Start = start;
        Size = size;
        Values = values;
    }

    /// <summary>Gets the position of the first dense row and column.</summary>
    public int Start { get; }

    /// <summary>Gets the order of the dense part.</summary>
    public int Size { get; }

    /// <summary>Gets the factors, column-major.</summary>
    public double[] Values { get; }

    /// <summary>A dense part of the same place and size with its own (zero) values, for a refactorization.</summary>
    public DenseTail CopyEmpty() => new(Start, Size, new double[Values.Length]);

    /// <summary>
    /// Factorizes <paramref name="a"/> (column-major, <paramref name="n"/> × <paramref name="n"/>) in place.
    /// </summary>
    /// <param name="a">The matrix; on return its LU factors.</param>
    /// <param name="n">The order.</param>
    /// <param name="permutation">With partial pivoting: on return, row i of the factors is row permutation[i] of the input.
    /// <see langword="null"/> to keep the row order (a refactorization) and only check each pivot against
    /// <see cref="SparseLu.PivotTolerance"/> of its column.</param>
    /// <param name="columnMax">The largest magnitude of each column's original entries (the singularity test's scale).</param>
    /// <param name="threads">The largest number of threads for the trailing updates.</param>
    /// <param name="parallelWork">The work (rows × columns × panel width) of a panel's trailing update from which it uses threads.</param>
    /// <param name="failedColumn">The column at which a pivot failed, or -1.</param>
    /// <param name="smallestRelativePivot">The smallest pivot as a share of its column's scale.</param>
    /// <returns><see langword="false"/> when a pivot is within <see cref="SparseLu.SingularityTolerance"/> of zero, or (without
    /// pivoting) below the pivot tolerance.</returns>
    public static bool Factorize(double[] a, int n, int[]? permutation, ReadOnlySpan<double> columnMax, int threads, long parallelWork, out int failedColumn, out double smallestRelativePivot)
    {
        smallestRelativePivot = 1;
        failedColumn = -1;
        if (permutation is not null)
        {
            for (int i = 0; i < n; i++)
            {
                permutation[i] = i;
            }
        }

        for (int ps = 0; ps < n; ps += PanelWidth)
        {
            int pe = Math.Min(n, ps + PanelWidth);
            for (int c = ps; c < pe; c++)
            {
                int cc = c * n;
                int best = c;
                double max = Math.Abs(a[cc + c]), below = 0;
                for (int i = c + 1; i < n; i++)
                {
                    double v = Math.Abs(a[cc + i]);
                    below = Math.Max(below, v);
                    if (v > max)
                    {
                        max = v;
                        best = i;
                    }
                }

                if (permutation is not null && best != c)
                {
                    for (int j = 0; j < n; j++)
                    {
                        int jj = j * n;
                        (a[jj + c], a[jj + best]) = (a[jj + best], a[jj + c]);
                    }

                    (permutation[c], permutation[best]) = (permutation[best], permutation[c]);
                }

                double pivot = a[cc + c];
                double size = Math.Abs(pivot);
                double relative = size / Math.Max(columnMax[c], max);
                if (!(relative > SparseLu.SingularityTolerance) || !double.IsFinite(pivot) || (permutation is null && !(size >= SparseLu.PivotTolerance * below)))
                {
                    failedColumn = c;
                    smallestRelativePivot = Math.Min(smallestRelativePivot, double.IsFinite(relative) ? relative : 0);
                    return false;
                }

                smallestRelativePivot = Math.Min(smallestRelativePivot, relative);
                for (int i = c + 1; i < n; i++)
                {
                    a[cc + i] /= pivot;
                }

                // Rank-1 update of the rest of the panel.
                for (int j = c + 1; j < pe; j++)
                {
                    Axpy(a, n, cc, j * n, c + 1, n, a[(j * n) + c]);
                }
            }

            if (pe == n)
            {
                break;
            }

            // U12 = L11⁻¹ A12, then A22 −= L21 U12, split by columns (each column's arithmetic is the same on any thread).
            int columns = n - pe;
            int tasks = (columns + ColumnsPerTask - 1) / ColumnsPerTask;
            if (threads > 1 && tasks > 1 && (long)columns * (n - pe) * (pe - ps) >= parallelWork)
            {
                UpdateTrailingInParallel(a, n, ps, pe, tasks, threads);
            }
            else
            {
                UpdateTrailing(a, n, ps, pe, pe, n);
            }
        }

        return true;
    }

    /// <summary>Solves <c>L U x = b</c> in place.</summary>
    public void Solve(Span<double> b)
    {
        int n = Size;
        ReadOnlySpan<double> a = Values;
        for (int c = 0; c < n; c++)
        {
            double bc = b[c];
            if (bc != 0)
            {
                SubtractScaled(b[(c + 1)..], a.Slice((c * n) + c + 1, n - c - 1), bc);
            }
        }

        for (int c = n - 1; c >= 0; c--)
        {
            double xc = b[c] / a[(c * n) + c];
            b[c] = xc;
            if (xc != 0)
            {
                SubtractScaled(b[..c], a.Slice(c * n, c), xc);
            }
        }
    }

    /// <summary>Solves <c>(L U)ᵀ x = b</c> in place.</summary>
    public void SolveTransposed(Span<double> b)
    {
        int n = Size;
        ReadOnlySpan<double> a = Values;
        for (int c = 0; c < n; c++)
        {
            b[c] = (b[c] - Dot(a.Slice(c * n, c), b[..c])) / a[(c * n) + c];
        }

        for (int c = n - 1; c >= 0; c--)
        {
            b[c] -= Dot(a.Slice((c * n) + c + 1, n - c - 1), b[(c + 1)..]);
        }
    }

    /// <summary>target[i] = target[i] − source[i] · u, each a fused multiply-add.</summary>
    private static void SubtractScaled(Span<double> target, ReadOnlySpan<double> source, double u)
    {
        int i = 0;
        if (Fma.IsSupported)
        {
            ref double t0 = ref MemoryMarshal.GetReference(target);
            ref double s0 = ref MemoryMarshal.GetReference(source);
            var uv = Vector256.Create(u);
            for (; i + 4 <= target.Length; i += 4)
            {
                Fma.MultiplyAddNegated(Vector256.LoadUnsafe(ref s0, (nuint)i), uv, Vector256.LoadUnsafe(ref t0, (nuint)i)).StoreUnsafe(ref t0, (nuint)i);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] = Math.FusedMultiplyAdd(-source[i], u, target[i]);
        }
    }

    /// <summary>Σ x[i] y[i] in one fixed order: four lanes of fused multiply-adds over the blocks of four, the lanes added
    /// in order, then the rest.</summary>
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int i = 0;
        double sum = 0;
        if (Fma.IsSupported && x.Length >= 4)
        {
            ref double x0 = ref MemoryMarshal.GetReference(x);
            ref double y0 = ref MemoryMarshal.GetReference(y);
            var acc = Vector256<double>.Zero;
            for (; i + 4 <= x.Length; i += 4)
            {
                acc = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)i), Vector256.LoadUnsafe(ref y0, (nuint)i), acc);
            }

            sum = acc.GetElement(0) + acc.GetElement(1) + acc.GetElement(2) + acc.GetElement(3);
        }
        else
        {
            Span<double> lanes = stackalloc double[4];
            for (; i + 4 <= x.Length; i += 4)
            {
                for (int l = 0; l < 4; l++)
                {
                    lanes[l] = Math.FusedMultiplyAdd(x[i + l], y[i + l], lanes[l]);
                }
            }

            sum = i > 0 ? lanes[0] + lanes[1] + lanes[2] + lanes[3] : 0;
        }

        for (; i < x.Length; i++)
        {
            sum = Math.FusedMultiplyAdd(x[i], y[i], sum);
        }

        return sum;
    }

    /// <summary>a[target + i] = a[target + i] − a[source + i] · u for i in [from, to), each a fused multiply-add.</summary>
    private static void Axpy(double[] a, int n, int source, int target, int from, int to, double u)
    {
        _ = n;
        ref double a0 = ref MemoryMarshal.GetArrayDataReference(a);
        int i = from;
        if (Fma.IsSupported)
        {
            var uv = Vector256.Create(u);
            for (; i + 4 <= to; i += 4)
            {
                var t = Vector256.LoadUnsafe(ref a0, (nuint)(target + i));
                var s = Vector256.LoadUnsafe(ref a0, (nuint)(source + i));
                Fma.MultiplyAddNegated(s, uv, t).StoreUnsafe(ref a0, (nuint)(target + i));
            }
        }

        for (; i < to; i++)
        {
            Unsafe.Add(ref a0, target + i) = Math.FusedMultiplyAdd(-Unsafe.Add(ref a0, source + i), u, Unsafe.Add(ref a0, target + i));
        }
    }

    /// <summary>The trailing update split into tasks of <see cref="ColumnsPerTask"/> columns (a method of its own, so that a
    /// single-threaded call allocates no closure).</summary>
    private static void UpdateTrailingInParallel(double[] a, int n, int ps, int pe, int tasks, int threads) =>
        Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            UpdateTrailing(a, n, ps, pe, pe + (t * ColumnsPerTask), Math.Min(n, pe + ((t + 1) * ColumnsPerTask))));

    /// <summary>For the trailing columns [j0, j1): the triangular solve with the panel's L11, then the update by L21 U12.</summary>
    private static void UpdateTrailing(double[] a, int n, int ps, int pe, int j0, int j1)
    {
        for (int j = j0; j < j1; j++)
        {
            int jj = j * n;
            for (int k = ps; k < pe; k++)
            {
                double u = a[jj + k];
                if (k + 1 < pe)
                {
                    Axpy(a, n, k * n, jj, k + 1, pe, u);
                }
            }
        }

        for (int r0 = pe; r0 < n; r0 += RowBlock)
        {
            int r1 = Math.Min(n, r0 + RowBlock);
            int j = j0;
            for (; j + 4 <= j1; j += 4)
            {
                Update4(a, n, ps, pe, r0, r1, j);
            }

            for (; j < j1; j++)
            {
                Update1(a, n, ps, pe, r0, r1, j);
            }
        }
    }

    /// <summary>Columns j .. j+3, rows [r0, r1): a(i, c) −= Σₖ a(i, k) a(k, c) over the panel's k, in increasing k.</summary>
    private static void Update4(double[] a, int n, int ps, int pe, int r0, int r1, int j)
    {
        ref double a0 = ref MemoryMarshal.GetArrayDataReference(a);
        int c0 = j * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        int i = r0;
        if (Fma.IsSupported)
        {
            for (; i + 8 <= r1; i += 8)
            {
                var x00 = Vector256.LoadUnsafe(ref a0, (nuint)(c0 + i));
                var x01 = Vector256.LoadUnsafe(ref a0, (nuint)(c0 + i + 4));
                var x10 = Vector256.LoadUnsafe(ref a0, (nuint)(c1 + i));
                var x11 = Vector256.LoadUnsafe(ref a0, (nuint)(c1 + i + 4));
                var x20 = Vector256.LoadUnsafe(ref a0, (nuint)(c2 + i));
                var x21 = Vector256.LoadUnsafe(ref a0, (nuint)(c2 + i + 4));
                var x30 = Vector256.LoadUnsafe(ref a0, (nuint)(c3 + i));
                var x31 = Vector256.LoadUnsafe(ref a0, (nuint)(c3 + i + 4));
                for (int k = ps; k < pe; k++)
                {
                    int lk = (k * n) + i;
                    var l0 = Vector256.LoadUnsafe(ref a0, (nuint)lk);
                    var l1 = Vector256.LoadUnsafe(ref a0, (nuint)(lk + 4));
                    var u = Vector256.Create(Unsafe.Add(ref a0, c0 + k));
                    x00 = Fma.MultiplyAddNegated(l0, u, x00);
                    x01 = Fma.MultiplyAddNegated(l1, u, x01);
                    u = Vector256.Create(Unsafe.Add(ref a0, c1 + k));
                    x10 = Fma.MultiplyAddNegated(l0, u, x10);
                    x11 = Fma.MultiplyAddNegated(l1, u, x11);
                    u = Vector256.Create(Unsafe.Add(ref a0, c2 + k));
                    x20 = Fma.MultiplyAddNegated(l0, u, x20);
                    x21 = Fma.MultiplyAddNegated(l1, u, x21);
                    u = Vector256.Create(Unsafe.Add(ref a0, c3 + k));
                    x30 = Fma.MultiplyAddNegated(l0, u, x30);
                    x31 = Fma.MultiplyAddNegated(l1, u, x31);
                }

                x00.StoreUnsafe(ref a0, (nuint)(c0 + i));
                x01.StoreUnsafe(ref a0, (nuint)(c0 + i + 4));
                x10.StoreUnsafe(ref a0, (nuint)(c1 + i));
                x11.StoreUnsafe(ref a0, (nuint)(c1 + i + 4));
                x20.StoreUnsafe(ref a0, (nuint)(c2 + i));
                x21.StoreUnsafe(ref a0, (nuint)(c2 + i + 4));
                x30.StoreUnsafe(ref a0, (nuint)(c3 + i));
                x31.StoreUnsafe(ref a0, (nuint)(c3 + i + 4));
            }
        }

        for (; i < r1; i++)
        {
            for (int c = c0; c <= c3; c += n)
            {
                double x = Unsafe.Add(ref a0, c + i);
                for (int k = ps; k < pe; k++)
                {
                    x = Math.FusedMultiplyAdd(-Unsafe.Add(ref a0, (k * n) + i), Unsafe.Add(ref a0, c + k), x);
                }

                Unsafe.Add(ref a0, c + i) = x;
            }
        }
    }

    /// <summary>Column j, rows [r0, r1): as <see cref="Update4"/> for one column.</summary>
    private static void Update1(double[] a, int n, int ps, int pe, int r0, int r1, int j)
    {
        ref double a0 = ref MemoryMarshal.GetArrayDataReference(a);
        int c0 = j * n;
        int i = r0;
        if (Fma.IsSupported)
        {
            for (; i + 8 <= r1; i += 8)
            {
                var x0 = Vector256.LoadUnsafe(ref a0, (nuint)(c0 + i));
                var x1 = Vector256.LoadUnsafe(ref a0, (nuint)(c0 + i + 4));
                for (int k = ps; k < pe; k++)
                {
                    int lk = (k * n) + i;
                    var u = Vector256.Create(Unsafe.Add(ref a0, c0 + k));
                    x0 = Fma.MultiplyAddNegated(Vector256.LoadUnsafe(ref a0, (nuint)lk), u, x0);
                    x1 = Fma.MultiplyAddNegated(Vector256.LoadUnsafe(ref a0, (nuint)(lk + 4)), u, x1);
                }

                x0.StoreUnsafe(ref a0, (nuint)(c0 + i));
                x1.StoreUnsafe(ref a0, (nuint)(c0 + i + 4));
            }
        }

        for (; i < r1; i++)
        {
            double x = Unsafe.Add(ref a0, c0 + i);
            for (int k = ps; k < pe; k++)
            {
                x = Math.FusedMultiplyAdd(-Unsafe.Add(ref a0, (k * n) + i), Unsafe.Add(ref a0, c0 + k), x);
            }

            Unsafe.Add(ref a0, c0 + i) = x;
        }
    }
}
