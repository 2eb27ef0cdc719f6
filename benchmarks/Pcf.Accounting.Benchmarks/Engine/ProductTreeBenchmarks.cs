using BenchmarkDotNet.Attributes;
using Pcf.Accounting.Benchmarks.Synthetic;
using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Benchmarks.Engine;

/// <summary>Roll-up of an acyclic product tree of a million nodes (each part has one parent) through <see cref="SparseLu"/>: only 1×1 blocks.</summary>
[MemoryDiagnoser]
public class ProductTreeBenchmarks
{
    private SyntheticSystem _tree = null!;
    private SparseMatrix _matrix = null!;
    private SparseLu _lu = null!;
    private double[] _demand = [], _solution = [], _workspace = [];

    /// <summary>Gets or sets the number of nodes.</summary>
    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tree = SyntheticGenerator.Tree(N);
        _matrix = SparseMatrix.FromTriplets(N, _tree.Rows, _tree.Columns, _tree.Values);
        _lu = SparseLu.Factorize(_matrix);
        _demand = new double[N];
        _demand[0] = 1;
        _solution = new double[N];
        _workspace = new double[N];
    }

    /// <summary>Triplets to CSC (the assembly the engine does before factorizing).</summary>
    [Benchmark]
    public int Assemble() => SparseMatrix.FromTriplets(N, _tree.Rows, _tree.Columns, _tree.Values).NonZeroCount;

    /// <summary>Factorize and solve for one unit of the root product: the roll-up.</summary>
    [Benchmark]
    public double RollUp()
    {
        var lu = SparseLu.Factorize(_matrix);
        lu.Solve(_demand, _solution, _workspace);
        return _solution[N - 1];
    }

    /// <summary>Solve only, on a ready factorization.</summary>
    [Benchmark]
    public double Solve()
    {
        _lu.Solve(_demand, _solution, _workspace);
        return _solution[N - 1];
    }
}
