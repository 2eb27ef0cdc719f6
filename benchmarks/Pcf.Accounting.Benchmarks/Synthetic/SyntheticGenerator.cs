namespace Pcf.Accounting.Benchmarks.Synthetic;

/// <summary>Generates synthetic technospheres: the <c>market</c> shape of <c>../shared/bench/synth_system.py</c>, a product tree and a random (expander) system.</summary>
/// <remarks>Same algorithm and distributions as the Python generator, drawn from a seeded <see cref="Random"/>
/// (so the matrices are not bit-identical with NumPy's, but have the same statistics).</remarks>
internal static class SyntheticGenerator
{
    /// <summary>The ecoinvent-like <c>market</c> shape (<c>build_market</c> in <c>synth_system.py</c>).</summary>
    /// <remarks>15 % of the processes are markets (indices 0..nm-1), each supplied by the producers of its product with
    /// Dirichlet(1) shares summing to 0.98; producers (nm..n-1) buy max(1, Poisson(k)) draws of markets chosen with
    /// popularity (rank+1)^-alpha, amounts U(0.001, 0.1) × 5 / max(5, count). Producers emit CO2 U(0.01, 2) kg per run,
    /// and CH4 and N2O (U(0.01, 2) / 1000 kg) each with probability 0.3.</remarks>
    public static SyntheticSystem Market(int n, double alpha = 1.5, int k = 10, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        var rng = new Random(seed);
        int nm = Math.Max(2, (int)(n * 0.15));
        int npr = n - nm;
        var owner = new int[npr];
        for (int i = 0; i < npr; i++)
        {
            owner[i] = rng.Next(nm);
        }

        // Cumulative popularity of the markets, for inverse-CDF sampling.
        var cumulative = new double[nm];
        double total = 0;
        for (int m = 0; m < nm; m++)
        {
            total += Math.Pow(m + 1.0, -alpha);
            cumulative[m] = total;
        }

        var rows = new List<int>(n * (k + 3));
        var cols = new List<int>(n * (k + 3));
        var vals = new List<double>(n * (k + 3));
        for (int i = 0; i < n; i++)
        {
            rows.Add(i);
            cols.Add(i);
            vals.Add(1.0);
        }

        // Producers of each market, in producer order (CSR by market).
        var start = new int[nm + 1];
        foreach (int m in owner)
        {
            start[m + 1]++;
        }

        for (int m = 0; m < nm; m++)
        {
            start[m + 1] += start[m];
        }

        var producers = new int[npr];
        var next = (int[])start.Clone();
        for (int i = 0; i < npr; i++)
        {
            producers[next[owner[i]]++] = nm + i;
        }

        var shares = new List<double>();
        for (int m = 0; m < nm; m++)
        {
            int[] prods = start[m + 1] > start[m]
                ? producers[start[m]..start[m + 1]]
                : [nm + rng.Next(npr)];   // a market with no producer of its own is supplied by a random producer

            // Dirichlet(1, ..., 1): normalized standard exponentials.
            shares.Clear();
            double sum = 0;
            for (int t = 0; t < prods.Length; t++)
            {
                double e = -Math.Log(1.0 - rng.NextDouble());
                shares.Add(e);
                sum += e;
            }

            for (int t = 0; t < prods.Length; t++)
            {
                rows.Add(prods[t]);
                cols.Add(m);
                vals.Add(-(shares[t] / sum * 0.98));
            }
        }

        var draws = new int[64];
        for (int i = 0; i < npr; i++)
        {
            int j = nm + i;
            int count = Math.Max(1, Poisson(rng, k));
            if (draws.Length < count)
            {
                draws = new int[count * 2];
            }

            for (int t = 0; t < count; t++)
            {
                draws[t] = Choose(rng, cumulative, total);
            }

            // np.unique: sorted distinct suppliers.
            Span<int> sup = draws.AsSpan(0, count);
            sup.Sort();
            int distinct = 0;
            for (int t = 0; t < count; t++)
            {
                if (t == 0 || sup[t] != sup[t - 1])
                {
                    sup[distinct++] = sup[t];
                }
            }

            double scale = 5.0 / Math.Max(5, distinct);
            for (int t = 0; t < distinct; t++)
            {
                rows.Add(sup[t]);
                cols.Add(j);
                vals.Add(-(0.001 + (0.1 - 0.001) * rng.NextDouble()) * scale);
            }
        }

        var gases = new List<int>();
        var emitters = new List<int>();
        var amounts = new List<double>();
        for (int j = nm; j < n; j++)
        {
            for (int g = 0; g < 3; g++)
            {
                if (g == 0 || rng.NextDouble() < 0.3)
                {
                    gases.Add(g);
                    emitters.Add(j);
                    amounts.Add((0.01 + (2.0 - 0.01) * rng.NextDouble()) * (g == 0 ? 1 : 0.001));
                }
            }
        }

        return new SyntheticSystem(n, [.. rows], [.. cols], [.. vals], [.. gases], [.. emitters], [.. amounts]);
    }

    /// <summary>An acyclic product tree of <paramref name="n"/> nodes: node 0 is the product, every other node i is a part of one parent drawn uniformly from 0..i-1.</summary>
    /// <remarks>A random recursive tree (expected depth about ln n). Each node needs U(1, 4) units of each of its parts per unit and emits U(0.01, 2) kg CO2 per unit.</remarks>
    public static SyntheticSystem Tree(int n, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var rng = new Random(seed);
        int nnz = 2 * n - 1;
        var rows = new int[nnz];
        var cols = new int[nnz];
        var vals = new double[nnz];
        for (int i = 0; i < n; i++)
        {
            rows[i] = i;
            cols[i] = i;
            vals[i] = 1.0;
        }

        for (int i = 1; i < n; i++)
        {
            int t = n - 1 + i;
            rows[t] = i;                // the part is supplied by node i ...
            cols[t] = rng.Next(i);      // ... to its parent
            vals[t] = -(1 + 3 * rng.NextDouble());
        }

        var gases = new int[n];
        var emitters = new int[n];
        var amounts = new double[n];
        for (int j = 0; j < n; j++)
        {
            emitters[j] = j;
            amounts[j] = 0.01 + (2.0 - 0.01) * rng.NextDouble();
        }

        return new SyntheticSystem(n, rows, cols, vals, gases, emitters, amounts);
    }

    /// <summary>A random (expander) technosphere: the worst case for any sparse LU.</summary>
    /// <remarks>Process 0 makes electricity; every other process needs U(0.5, 1.5) kWh per run and two distinct other
    /// products (not electricity, not its own) drawn uniformly, U(0.05, 0.45) units each; electricity needs 0.01 of two
    /// products. About 4n entries. Random graphs are expanders: one strongly connected block, and every elimination order
    /// fills in towards a dense trailing block. Each process emits U(0.01, 2) kg CO2 per run.</remarks>
    public static SyntheticSystem Random(int n, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 4);
        var rng = new Random(seed);
        var rows = new List<int>(4 * n);
        var cols = new List<int>(4 * n);
        var vals = new List<double>(4 * n);
        for (int j = 0; j < n; j++)
        {
            rows.Add(j);
            cols.Add(j);
            vals.Add(1.0);
            if (j > 0)
            {
                rows.Add(0);
                cols.Add(j);
                vals.Add(-(0.5 + rng.NextDouble()));
            }

            int first = -1;
            for (int t = 0; t < 2; t++)
            {
                int i;
                do
                {
                    i = 1 + rng.Next(n - 1);
                }
                while (i == j || i == first);

                first = i;
                rows.Add(i);
                cols.Add(j);
                vals.Add(j == 0 ? -0.01 : -(0.05 + (0.4 * rng.NextDouble())));
            }
        }

        var gases = new int[n];
        var emitters = new int[n];
        var amounts = new double[n];
        for (int j = 0; j < n; j++)
        {
            emitters[j] = j;
            amounts[j] = 0.01 + (2.0 - 0.01) * rng.NextDouble();
        }

        return new SyntheticSystem(n, [.. rows], [.. cols], [.. vals], gases, emitters, amounts);
    }

    /// <summary>A chain of <paramref name="n"/> processes, the simplest system there is: process j makes 1 kg of its product from
    /// 1 kg of process j − 1's product and emits 0.1 kg CO2 per run; the last process makes the reference product.</summary>
    /// <remarks>Every process runs once for one unit of the last product, so the total is exactly 0.1 n kg CO2 (up to the rounding of the sums).</remarks>
    public static SyntheticSystem Chain(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var rows = new int[2 * n - 1];
        var cols = new int[2 * n - 1];
        var vals = new double[2 * n - 1];
        for (int j = 0; j < n; j++)
        {
            rows[j] = j;
            cols[j] = j;
            vals[j] = 1.0;
        }

        for (int j = 1; j < n; j++)
        {
            rows[n - 1 + j] = j - 1;
            cols[n - 1 + j] = j;
            vals[n - 1 + j] = -1.0;
        }

        var gases = new int[n];
        var emitters = new int[n];
        var amounts = new double[n];
        for (int j = 0; j < n; j++)
        {
            emitters[j] = j;
            amounts[j] = 0.1;
        }

        return new SyntheticSystem(n, rows, cols, vals, gases, emitters, amounts);
    }

    // Knuth's multiplication method; fine for the small means used here (k ≈ 10).
    private static int Poisson(Random rng, double mean)
    {
        double limit = Math.Exp(-mean), product = rng.NextDouble();
        int count = 0;
        while (product > limit)
        {
            count++;
            product *= rng.NextDouble();
        }

        return count;
    }

    private static int Choose(Random rng, double[] cumulative, double total)
    {
        double u = rng.NextDouble() * total;
        int index = Array.BinarySearch(cumulative, u);
        index = index < 0 ? ~index : index;
        return Math.Min(index, cumulative.Length - 1);
    }
}
