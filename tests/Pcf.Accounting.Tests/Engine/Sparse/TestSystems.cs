using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Tests.Engine.Sparse;

/// <summary>Builders of technosphere-like matrices for the solver tests.</summary>
internal static class TestSystems
{
    public static SparseMatrix FromDense(double[,] dense)
    {
        int n = dense.GetLength(0);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                if (dense[i, j] != 0)
                {
                    rows.Add(i);
                    cols.Add(j);
                    vals.Add(dense[i, j]);
                }
            }
        }

        return SparseMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    /// <summary>
    /// A random technosphere: unit-ish outputs on the diagonal, each process consuming a few products
    /// with a column sum of inputs below the output, so the system is diagonally dominant by columns
    /// and cycles are common.
    /// </summary>
    public static SparseMatrix RandomDominant(int n, int seed, double meanInputs = 3, bool permuteRows = false)
    {
        var random = new Random(seed);
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        for (int j = 0; j < n; j++)
        {
            double output = 0.5 + random.NextDouble();
            rows.Add(j);
            cols.Add(j);
            vals.Add(output);
            int inputs = n == 1 ? 0 : random.Next(0, (int)(2 * meanInputs) + 1);
            double budget = 0.9 * output;
            for (int t = 0; t < inputs; t++)
            {
                int i = random.Next(n);
                if (i == j)
                {
                    continue;
                }

                double amount = budget * random.NextDouble() / inputs;
                rows.Add(i);
                cols.Add(j);
                vals.Add(-amount);
            }
        }

        if (permuteRows)
        {
            var perm = Permutation(n, random);
            for (int t = 0; t < rows.Count; t++)
            {
                rows[t] = perm[rows[t]];
            }
        }

        return SparseMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), vals.ToArray());
    }

    public static int[] Permutation(int n, Random random)
    {
        var perm = new int[n];
        for (int i = 0; i < n; i++)
        {
            perm[i] = i;
        }

        random.Shuffle(perm);
        return perm;
    }

    public static double[] RandomVector(int n, int seed)
    {
        var random = new Random(seed);
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = random.NextDouble() < 0.3 ? 0 : (random.NextDouble() * 2) - 1;
        }

        v[random.Next(n)] = 1;
        return v;
    }

    public static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double x in v)
        {
            m = Math.Max(m, Math.Abs(x));
        }

        return m;
    }

    /// <summary>max |a - b| / max |b|.</summary>
    public static double RelativeDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double d = 0;
        for (int i = 0; i < a.Length; i++)
        {
            d = Math.Max(d, Math.Abs(a[i] - b[i]));
        }

        double scale = MaxAbs(b);
        return scale == 0 ? d : d / scale;
    }

    /// <summary>max |A x - f| / max |f|.</summary>
    public static double Residual(SparseMatrix a, ReadOnlySpan<double> x, ReadOnlySpan<double> f, bool transposed = false)
    {
        var ax = new double[a.Size];
        if (transposed)
        {
            a.MultiplyTransposed(x, ax);
        }
        else
        {
            a.Multiply(x, ax);
        }

        return RelativeDifference(ax, f);
    }
}
