using CsCheck;
using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Tests.Engine.Sparse;

/// <summary>The dense trailing LU of a filled-in block: the same solutions as the sparse path, the same bits on any number of threads.</summary>
public sealed class DenseTailTests
{
    private static readonly SparseLuOptions SparseOnly = new() { DenseSwitchDensity = double.PositiveInfinity };

    private static SparseLu Factorize(SparseMatrix a, SparseLuOptions options) =>
        SparseLu.TryFactorize(a, options, out var lu, out var singular) ? lu : throw new InvalidOperationException(singular.Describe());

    [Fact]
    public void Solve_RandomDenseCoreSystems_AgreeWithTheSparsePath() =>
        Gen.Select(Gen.Int[2, 260], Gen.Double[2, 10], Gen.Bool, Gen.Double[0, 0.6], Gen.Int[2, 40], Gen.Int)
            .Sample((n, meanInputs, permuteRows, density, minimum, seed) =>
            {
                var a = TestSystems.RandomDominant(n, seed, meanInputs, permuteRows);
                var f = TestSystems.RandomVector(n, seed + 1);
                var options = new SparseLuOptions { DenseSwitchDensity = density, MinimumDenseSize = minimum, MaxDegreeOfParallelism = 2, ParallelWorkThreshold = 1 };
                var dense = Factorize(a, options);
                var sparse = Factorize(a, SparseOnly);
                Assert.Empty(sparse.DenseTails);

                double[] x = new double[n], expected = new double[n];
                dense.Solve(f, x);
                sparse.Solve(f, expected);
                Assert.True(TestSystems.RelativeDifference(x, expected) < 1e-12);
                Assert.True(TestSystems.Residual(a, x, f) < 1e-12);
                dense.SolveTransposed(f, x);
                sparse.SolveTransposed(f, expected);
                Assert.True(TestSystems.RelativeDifference(x, expected) < 1e-12);
                Assert.True(TestSystems.Residual(a, x, f, transposed: true) < 1e-12);
                Assert.Equal(sparse.Condition.Value, dense.Condition.Value, sparse.Condition.Value * 1e-6);
            }, iter: 200);

    [Fact]
    public void Factorize_DenseFromTheSecondColumn_AgreesWithTheSparsePath()
    {
        // The most extreme switch: every block larger than 2 goes dense after its first column.
        var options = new SparseLuOptions { DenseSwitchDensity = 0, MinimumDenseSize = 2 };
        var a = TestSystems.RandomDominant(300, seed: 5, meanInputs: 4);
        var f = TestSystems.RandomVector(300, 6);

        var dense = Factorize(a, options);
        var x = new double[300];
        dense.Solve(f, x);

        Assert.Equal(dense.LargestBlock - 1, dense.DenseTails.Max(t => t.Size));
        Assert.True(TestSystems.Residual(a, x, f) < 1e-13);
    }

    [Fact]
    public void Factorize_OneOrTwoThreads_SameBits()
    {
        // A block of about 1,500 with a dense tail of several hundred, its trailing updates split over threads from the
        // smallest work on (the default waits for a dense part of about 1,000).
        var a = TestSystems.RandomDominant(1500, seed: 9, meanInputs: 5);
        var f = TestSystems.RandomVector(1500, 10);
        var one = Factorize(a, new SparseLuOptions { MaxDegreeOfParallelism = 1, ParallelWorkThreshold = 1 });
        var two = Factorize(a, new SparseLuOptions { MaxDegreeOfParallelism = 2, ParallelWorkThreshold = 1 });
        var again = Factorize(a, new SparseLuOptions { MaxDegreeOfParallelism = 2, ParallelWorkThreshold = 1 });

        Assert.True(one.DenseTails.Single().Size > 300, $"dense tail {one.DenseTails.Single().Size}");
        Assert.Equal(one.DenseTails.Single().Values, two.DenseTails.Single().Values);
        Assert.Equal(one.DenseTails.Single().Values, again.DenseTails.Single().Values);
        double[] x = new double[1500], y = new double[1500];
        one.Solve(f, x);
        two.Solve(f, y);
        Assert.Equal(x, y);
        Assert.True(TestSystems.Residual(a, x, f) < 1e-12);
    }

    [Fact]
    public void TryFactorize_SingularLoopInTheDensePart_NamesTheLoop()
    {
        // Ring of 6 where each makes 1 and consumes 1 of the previous (determinant 0), made dense after its first column.
        const int n = 6;
        var dense = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            dense[j, j] = 1;
            dense[(j + n - 1) % n, j] = -1;
        }

        var options = new SparseLuOptions { DenseSwitchDensity = 0, MinimumDenseSize = 2 };

        Assert.False(SparseLu.TryFactorize(TestSystems.FromDense(dense), options, out _, out var singular));

        Assert.Equal(Singularity.Numerical, singular.Kind);
        Assert.Equal([0, 1, 2, 3, 4, 5], singular.Columns.ToArray());
    }

    [Fact]
    public void TryRefactor_WithADensePart_AgreesWithAFreshFactorization() =>
        Gen.Select(Gen.Int[20, 200], Gen.Double[3, 8], Gen.Int)
            .Sample((n, meanInputs, seed) =>
            {
                var options = new SparseLuOptions { DenseSwitchDensity = 0.1, MinimumDenseSize = 8 };
                var a = TestSystems.RandomDominant(n, seed, meanInputs);
                var lu = Factorize(a, options);
                var random = new Random(seed + 1);
                var values = a.Values.Select(v => v * (0.6 + (0.8 * random.NextDouble()))).ToArray();
                var f = TestSystems.RandomVector(n, seed + 2);

                var numeric = lu.CreateNumeric();
                Assert.True(numeric.TryRefactor(values, out bool fellBack, out _));
                var fresh = Factorize(a.WithValues(values), options);

                double[] x = new double[n], expected = new double[n], work = new double[n];
                numeric.TrySolve(f, x, work);
                fresh.Solve(f, expected);
                Assert.True(TestSystems.RelativeDifference(x, expected) < 1e-12, $"fell back: {fellBack}");
                numeric.TrySolveTransposed(f, x, work);
                fresh.SolveTransposed(f, expected);
                Assert.True(TestSystems.RelativeDifference(x, expected) < 1e-12);

                // The same values again: no fall-back, the base's bits.
                Assert.True(numeric.TryRefactor(a.Values, out fellBack, out _));
                Assert.False(fellBack);
                lu.Solve(f, expected);
                numeric.TrySolve(f, x, work);
                Assert.Equal(expected, x);
            }, iter: 150);
}
