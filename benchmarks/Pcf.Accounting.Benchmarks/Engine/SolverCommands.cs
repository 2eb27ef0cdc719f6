using System.Diagnostics;
using System.Globalization;
using Pcf.Accounting.Benchmarks.Synthetic;
using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Benchmarks.Engine;

/// <summary>The plain (non-BenchmarkDotNet) commands <c>mtx</c> and <c>synth</c>: time the sparse solver on one matrix, comparable with SciPy/KLU on the same file.</summary>
/// <remarks>Output (stdout), one line: <c>factorize_ms=… factorize_cpu_ms=… refactor_ms=… refactor_cpu_ms=… solve_ms=… residual=… n=… nnz=… blocks=… largest_block=… condition=…</c>.
/// factorize is the median of <c>--repeat</c> runs (default 5) from a loaded <see cref="SparseMatrix"/> to a ready <see cref="SparseLu"/>;
/// refactor is the median of repeat refactorizations of one Monte Carlo draw into a <see cref="NumericLu"/>;
/// solve is the median of 10 × repeat solves of f = e_n (one unit of the last product) with a caller's workspace;
/// residual is max|A s − f| / max|f|. Details (load time, factor fill, a breakdown of the factorization, bytes allocated per solve) go to stderr.</remarks>
internal static class SolverCommands
{
    public static int Run(string[] args)
    {
        try
        {
            return args[0] == "mtx" ? Mtx(args) : Synth(args);
        }
        catch (Exception ex) when (ex is FormatException or IOException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine("usage: mtx <file.mtx> [--repeat N] | synth <n> [--alpha a] [--seed s] [--k k] [--shape market|tree|random] [--mtx out.mtx] [--repeat N]; both take [--dense-density d] [--dense-min m] [--threads t] [--parallel-work w]");
            return 2;
        }
    }

    private static int Mtx(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("mtx needs a file.");
        }

        int repeat = (int)Option(args, "--repeat", 5);
        var clock = Stopwatch.StartNew();
        var (n, rows, cols, vals) = MatrixMarket.Read(args[1]);
        double read = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var a = SparseMatrix.FromTriplets(n, rows, cols, vals);
        Console.Error.WriteLine(Invariant($"read {args[1]}: {read:F0} ms, triplets -> CSC {clock.Elapsed.TotalMilliseconds:F1} ms"));
        Time(a, repeat, Options(args));
        return 0;
    }

    private static int Synth(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("synth needs a size.");
        }

        int n = int.Parse(args[1], CultureInfo.InvariantCulture);
        double alpha = Option(args, "--alpha", 1.5);
        int seed = (int)Option(args, "--seed", 1);
        int k = (int)Option(args, "--k", 10);
        string shape = Text(args, "--shape") ?? "market";
        var clock = Stopwatch.StartNew();
        var synthetic = shape switch
        {
            "market" => SyntheticGenerator.Market(n, alpha, k, seed),
            "tree" => SyntheticGenerator.Tree(n, seed),
            "random" => SyntheticGenerator.Random(n, seed),
            _ => throw new ArgumentException($"Unknown shape '{shape}' (market, tree or random)."),
        };
        double generate = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var a = SparseMatrix.FromTriplets(n, synthetic.Rows, synthetic.Columns, synthetic.Values);
        Console.Error.WriteLine(Invariant($"synth {shape} n={n} alpha={alpha} k={k} seed={seed}: generate {generate:F0} ms, triplets -> CSC {clock.Elapsed.TotalMilliseconds:F1} ms, nnz={a.NonZeroCount}"));
        string? output = Text(args, "--mtx");
        if (output is not null)
        {
            MatrixMarket.Write(output, n, synthetic.Rows, synthetic.Columns, synthetic.Values);
            Console.Error.WriteLine($"wrote {output}");
            return 0;
        }

        Time(a, (int)Option(args, "--repeat", 5), Options(args));
        return 0;
    }

    /// <summary>The solver options from <c>--dense-density d</c>, <c>--dense-min m</c>, <c>--threads t</c> and <c>--parallel-work w</c> (defaults otherwise).</summary>
    private static SparseLuOptions Options(string[] args) => new()
    {
        DenseSwitchDensity = Option(args, "--dense-density", SparseLuOptions.Default.DenseSwitchDensity),
        MinimumDenseSize = (int)Option(args, "--dense-min", SparseLuOptions.Default.MinimumDenseSize),
        MaxDegreeOfParallelism = (int)Option(args, "--threads", SparseLuOptions.Default.MaxDegreeOfParallelism),
        ParallelWorkThreshold = (long)Option(args, "--parallel-work", SparseLuOptions.Default.ParallelWorkThreshold),
    };

    private static void Time(SparseMatrix a, int repeat, SparseLuOptions options)
    {
        int n = a.Size;
        repeat = Math.Max(1, repeat);
        var factorizeMs = new double[repeat];
        var factorizeCpuMs = new double[repeat];
        SparseLu lu = null!;
        for (int r = 0; r < repeat; r++)
        {
            // CPU time beside wall time: on a shared machine it is the steadier of the two.
            var cpu = Environment.CpuUsage.TotalTime;
            var clock = Stopwatch.StartNew();
            lu = SparseLu.TryFactorize(a, options, out var made, out var singular) ? made : throw new InvalidOperationException(singular.Describe());
            factorizeMs[r] = clock.Elapsed.TotalMilliseconds;
            factorizeCpuMs[r] = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        }

        // Refactorization: a Monte Carlo draw (every value times a factor in [0.9, 1.1], seed 2) on the kept structure.
        var random = new Random(2);
        var draw = a.Values.Select(v => v * (0.9 + (0.2 * random.NextDouble()))).ToArray();
        var numeric = lu.CreateNumeric();
        var refactorMs = new double[repeat];
        var refactorCpuMs = new double[repeat];
        bool fellBack = false;
        for (int r = 0; r < repeat; r++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            long start = Stopwatch.GetTimestamp();
            numeric.TryRefactor(draw, out bool fell, out _);
            refactorMs[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            refactorCpuMs[r] = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
            fellBack |= fell;
        }

        var f = new double[n];
        f[n - 1] = 1;
        var s = new double[n];
        var workspace = new double[n];
        lu.Solve(f, s, workspace);
        var solveMs = new double[10 * repeat];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < solveMs.Length; r++)
        {
            long start = Stopwatch.GetTimestamp();
            lu.Solve(f, s, workspace);
            solveMs[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var product = new double[n];
        a.Multiply(s, product);
        double residual = 0;
        for (int i = 0; i < n; i++)
        {
            residual = Math.Max(residual, Math.Abs(product[i] - f[i]));
        }

        string runs = string.Join(' ', factorizeMs.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)));
        Console.Error.WriteLine(Invariant(
            $"factorize runs (ms): {runs}; min {factorizeMs.Min():F1}; process CPU median {Median(factorizeCpuMs):F1} ms; solve min {solveMs.Min():F3} ms; nnz(L+U) of blocks={lu.FactorNonZeroCount}, off-block nnz={lu.OffDiagonalNonZeroCount}, bytes allocated over {solveMs.Length} solves={allocated}; dense tails: {(lu.DenseTails.Length == 0 ? "none" : string.Join(", ", lu.DenseTails.Select(t => t.Size)))}"));
        Breakdown(a);
        Console.WriteLine(Invariant(
            $"factorize_ms={Median(factorizeMs):F2} factorize_cpu_ms={Median(factorizeCpuMs):F2} refactor_ms={Median(refactorMs):F2} refactor_cpu_ms={Median(refactorCpuMs):F2}{(fellBack ? " (fell back)" : string.Empty)} solve_ms={Median(solveMs):F3} residual={residual:E3} n={n} nnz={a.NonZeroCount} blocks={lu.BlockCount} largest_block={lu.LargestBlock} condition={lu.Condition.Value:E2}"));
    }

    /// <summary>Where the factorization's time goes: block triangular form, then AMD on the largest block; the rest is the numeric LU (and assembly).</summary>
    private static void Breakdown(SparseMatrix a)
    {
        var clock = Stopwatch.StartNew();
        var btf = BlockTriangularForm.Compute(a);
        double btfMs = clock.Elapsed.TotalMilliseconds;
        int largest = 0, largestStart = 0;
        for (int k = 0; k < btf.BlockCount; k++)
        {
            int size = btf.BlockStarts[k + 1] - btf.BlockStarts[k];
            if (size > largest)
            {
                largest = size;
                largestStart = btf.BlockStarts[k];
            }
        }

        if (largest <= 1)
        {
            Console.Error.WriteLine(Invariant($"breakdown: BTF {btfMs:F1} ms; only 1x1 blocks"));
            return;
        }

        // The pattern of B + Bᵀ of the largest block, without the diagonal, as the factorizer builds it.
        var local = new int[a.Size];
        Array.Fill(local, -1);
        for (int t = 0; t < largest; t++)
        {
            local[btf.RowOrder[largestStart + t]] = t;
        }

        var neighbours = new List<int>[largest];
        for (int c = 0; c < largest; c++)
        {
            neighbours[c] = [];
        }

        for (int c = 0; c < largest; c++)
        {
            int j = btf.ColumnOrder[largestStart + c];
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
            {
                int r = local[a.RowIndices[p]];
                if (r >= 0 && r != c)
                {
                    neighbours[c].Add(r);
                    neighbours[r].Add(c);
                }
            }
        }

        var pointers = new int[largest + 1];
        var adjacency = new List<int>();
        for (int c = 0; c < largest; c++)
        {
            adjacency.AddRange(neighbours[c].Distinct());
            pointers[c + 1] = adjacency.Count;
        }

        var adjacencyArray = adjacency.ToArray();
        var cpu = Environment.CpuUsage.TotalTime;
        clock.Restart();
        ApproximateMinimumDegree.Order(largest, pointers, adjacencyArray);
        double amdMs = clock.Elapsed.TotalMilliseconds;
        double amdCpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        Console.Error.WriteLine(Invariant($"breakdown: BTF {btfMs:F1} ms; AMD on the largest block ({largest}, {adjacency.Count} off-diagonal entries of B+B') {amdMs:F1} ms (process CPU {amdCpuMs:F1} ms); the rest of factorize is the numeric LU"));
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int m = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static string? Text(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        string? text = Text(args, name);
        return text is null ? fallback : double.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
