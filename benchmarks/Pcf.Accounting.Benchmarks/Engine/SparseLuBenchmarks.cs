using BenchmarkDotNet.Attributes;
using Pcf.Accounting.Benchmarks.Synthetic;
using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Benchmarks.Engine;

/// <summary>The sparse solver on the synthetic <c>market</c> technosphere (ecoinvent-like: one large cyclic core through hub markets).</summary>
/// <remarks>Cases: n = 1,000, 20,000 and 100,000 processes at alpha 1.5, about 10 inputs each (seed 1). Alpha 1.0 at 20,000 takes
/// seconds per factorization, so it is timed with the <c>synth</c> command instead (see docs/performance.md).
/// Solve and re-solve use the workspace overload, which allocates nothing.</remarks>
[MemoryDiagnoser]
public class SparseLuBenchmarks
{
    private SparseMatrix _matrix = null!;
    private SparseLu _lu = null!;
    private NumericLu _numeric = null!;
    private double[] _demand = [], _otherDemand = [], _solution = [], _workspace = [], _draw = [];

    /// <summary>Gets or sets the number of processes.</summary>
    [Params(1_000, 20_000, 100_000)]
    public int N { get; set; }

    /// <summary>Gets or sets the popularity exponent of the markets (larger: fewer, stronger hubs).</summary>
    [Params(1.5)]
    public double Alpha { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var synthetic = SyntheticGenerator.Market(N, Alpha);
        _matrix = SparseMatrix.FromTriplets(N, synthetic.Rows, synthetic.Columns, synthetic.Values);
        _lu = SparseLu.Factorize(_matrix);
        _demand = new double[N];
        _demand[N - 1] = 1;
        _otherDemand = new double[N];
        _otherDemand[N / 2] = 2.5;
        _solution = new double[N];
        _workspace = new double[N];

        // A Monte Carlo draw: every stored value times a factor in [0.9, 1.1] (seed 2).
        var random = new Random(2);
        _draw = _matrix.Values.Select(v => v * (0.9 + (0.2 * random.NextDouble()))).ToArray();
        _numeric = _lu.CreateNumeric();
    }

    /// <summary>From a CSC matrix to a ready factorization (BTF, AMD per block, LU).</summary>
    [Benchmark]
    public long Factorize() => SparseLu.Factorize(_matrix).FactorNonZeroCount;

    /// <summary>New values on the same pattern into a per-thread numeric factorization: the structure and pivots kept, nothing allocated.</summary>
    [Benchmark]
    public bool Refactor() => _numeric.TryRefactor(_draw, out bool fellBack, out _) && !fellBack;

    /// <summary>One unit of the last product (f = e_n).</summary>
    [Benchmark]
    public double Solve()
    {
        _lu.Solve(_demand, _solution, _workspace);
        return _solution[0];
    }

    /// <summary>A new demand on the same factorization (2.5 units of the middle product).</summary>
    [Benchmark]
    public double Resolve()
    {
        _lu.Solve(_otherDemand, _solution, _workspace);
        return _solution[0];
    }

    /// <summary>The transposed solve (contributions per unit of a characterized result).</summary>
    [Benchmark]
    public double SolveTransposed()
    {
        _lu.SolveTransposed(_demand, _solution, _workspace);
        return _solution[0];
    }
}
