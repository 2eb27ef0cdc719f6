namespace Pcf.Accounting.Engine.Sparse;

/// <summary>Dense LU with partial pivoting: a reference solver for tests and tiny systems.</summary>
/// <threadsafety>Immutable once built.</threadsafety>
internal sealed class DenseLu
{
    private readonly int _n;
    private readonly double[] _lu; // row-major, L unit lower (below the diagonal) and U
    private readonly int[] _pivot; // row i of PA is row _pivot[i] of A

    private DenseLu(int n, double[] lu, int[] pivot)
    {
        _n = n;
        _lu = lu;
        _pivot = pivot;
    }

    /// <exception cref="InvalidOperationException">A pivot is exactly zero.</exception>
    public static DenseLu Factorize(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.GetLength(0);
        if (a.GetLength(1) != n)
        {
            throw new ArgumentException("The matrix must be square.", nameof(a));
        }

        var lu = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                lu[(i * n) + j] = a[i, j];
            }
        }

        var pivot = new int[n];
        for (int i = 0; i < n; i++)
        {
            pivot[i] = i;
        }

        for (int k = 0; k < n; k++)
        {
            int best = k;
            double max = Math.Abs(lu[(k * n) + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Math.Abs(lu[(i * n) + k]);
                if (v > max)
                {
                    max = v;
                    best = i;
                }
            }

            if (max == 0)
            {
                throw new InvalidOperationException($"The matrix is singular at column {k}.");
            }

            if (best != k)
            {
                for (int j = 0; j < n; j++)
                {
                    (lu[(k * n) + j], lu[(best * n) + j]) = (lu[(best * n) + j], lu[(k * n) + j]);
                }

                (pivot[k], pivot[best]) = (pivot[best], pivot[k]);
            }

            double d = lu[(k * n) + k];
            for (int i = k + 1; i < n; i++)
            {
                double l = lu[(i * n) + k] / d;
                lu[(i * n) + k] = l;
                if (l != 0)
                {
                    for (int j = k + 1; j < n; j++)
                    {
                        lu[(i * n) + j] -= l * lu[(k * n) + j];
                    }
                }
            }
        }

        return new DenseLu(n, lu, pivot);
    }

    /// <summary>Solves <c>A x = b</c>.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        int n = _n;
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = b[_pivot[i]];
        }

        for (int i = 0; i < n; i++)
        {
            double sum = x[i];
            for (int j = 0; j < i; j++)
            {
                sum -= _lu[(i * n) + j] * x[j];
            }

            x[i] = sum;
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = x[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= _lu[(i * n) + j] * x[j];
            }

            x[i] = sum / _lu[(i * n) + i];
        }

        return x;
    }

    /// <summary>Solves <c>Aᵀ y = c</c>.</summary>
    public double[] SolveTransposed(ReadOnlySpan<double> c)
    {
        // PA = LU, so Aᵀ = Uᵀ Lᵀ P: solve Uᵀ w = c, Lᵀ z = w, y = Pᵀ z.
        int n = _n;
        var z = c.ToArray();
        for (int i = 0; i < n; i++)
        {
            double sum = z[i];
            for (int j = 0; j < i; j++)
            {
                sum -= _lu[(j * n) + i] * z[j];
            }

            z[i] = sum / _lu[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = z[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= _lu[(j * n) + i] * z[j];
            }

            z[i] = sum;
        }

        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[_pivot[i]] = z[i];
        }

        return y;
    }
}
