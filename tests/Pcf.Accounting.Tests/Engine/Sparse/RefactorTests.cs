using System.Collections.Concurrent;
using CsCheck;
using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Tests.Engine.Sparse;

/// <summary>Numeric refactorization: new values on the structure of a factorization.</summary>
public sealed class RefactorTests
{
    /// <summary>The stored values of <paramref name="a"/> each multiplied by a factor in [0.6, 1.4] (signs kept): a Monte Carlo draw.</summary>
    private static double[] Draw(SparseMatrix a, int seed)
    {
        var random = new Random(seed);
        var values = (double[])a.Values.Clone();
        for (int p = 0; p < values.Length; p++)
        {
            values[p] *= 0.6 + (0.8 * random.NextDouble());
        }

        return values;
    }

    [Fact]
    public void TryRefactor_RandomSystemsWithLoops_AgreeWithAFreshFactorization() =>
        Gen.Select(Gen.Int[1, 150], Gen.Double[0.5, 4], Gen.Bool, Gen.Int)
            .Sample((n, meanInputs, permuteRows, seed) =>
            {
                var a = TestSystems.RandomDominant(n, seed, meanInputs, permuteRows);
                var lu = SparseLu.Factorize(a);
                var values = Draw(a, seed + 1);
                var f = TestSystems.RandomVector(n, seed + 2);

                Assert.True(lu.TryRefactor(values, out var refactored, out bool fellBack, out _));
                var fresh = SparseLu.Factorize(a.WithValues(values));

                double[] x = new double[n], expected = new double[n];
                refactored.Solve(f, x);
                fresh.Solve(f, expected);
                Assert.True(TestSystems.RelativeDifference(x, expected) < 1e-12, $"fell back: {fellBack}");
                refactored.SolveTransposed(f, x);
                fresh.SolveTransposed(f, expected);
                Assert.True(TestSystems.RelativeDifference(x, expected) < 1e-12);
            }, iter: 300);

    [Fact]
    public void TryRefactor_SameValues_GivesTheSameBits() =>
        Gen.Select(Gen.Int[1, 120], Gen.Double[0.5, 4], Gen.Bool, Gen.Int)
            .Sample((n, meanInputs, permuteRows, seed) =>
            {
                // Without a fall-back the kept pivots and the same update order give the same L, U and so the same solution.
                var a = TestSystems.RandomDominant(n, seed, meanInputs, permuteRows);
                var lu = SparseLu.Factorize(a);
                var f = TestSystems.RandomVector(n, seed + 1);

                Assert.True(lu.TryRefactor(a.Values, out var refactored, out bool fellBack, out _));

                Assert.False(fellBack);
                double[] x = new double[n], y = new double[n];
                lu.Solve(f, x);
                refactored.Solve(f, y);
                Assert.Equal(x, y);
            }, iter: 200);

    [Fact]
    public void TryRefactor_PivotTooSmall_FallsBackToAFullFactorization()
    {
        // Base [[2, 1], [1, 2]] keeps the diagonal pivots. New values [[1e-6, 1], [1, 2]]: the kept first pivot 1e-6 is
        // below 0.001 × 1 (the other candidate of its column), so the values are factorized afresh (pivoting on the 1).
        // Solution of [[1e-6, 1], [1, 2]] x = (1, 0): x1 = −x0/2, 1e-6 x0 − x0/2 = 1 → x0 = −1/(0.5 − 1e-6), x1 = 0.5/(0.5 − 1e-6).
        var a = TestSystems.FromDense(new double[,] { { 2, 1 }, { 1, 2 } });
        var lu = SparseLu.Factorize(a);
        double[] values = [1e-6, 1, 1, 2]; // storage order: column 0 (rows 0, 1), column 1 (rows 0, 1)

        Assert.True(lu.TryRefactor(values, out var refactored, out bool fellBack, out _));
        var numeric = lu.CreateNumeric();
        Assert.True(numeric.TryRefactor(values, out bool numericFellBack, out _));

        Assert.True(fellBack);
        Assert.True(numericFellBack);
        var x = new double[2];
        refactored.Solve([1, 0], x);
        Assert.Equal(-1 / (0.5 - 1e-6), x[0], 1e-14);
        Assert.Equal(0.5 / (0.5 - 1e-6), x[1], 1e-14);
        Assert.True(numeric.TrySolve([1, 0], x, new double[2]));
        Assert.Equal(-1 / (0.5 - 1e-6), x[0], 1e-14);

        // The next draw starts from the base's pivots again: no fall-back.
        Assert.True(numeric.TryRefactor([2, 1, 1, 2], out numericFellBack, out _));
        Assert.False(numericFellBack);
    }

    [Fact]
    public void TryRefactor_SingularValues_NameTheBlock()
    {
        // [[1, −1], [−1, 1]]: the loop nets nothing.
        var lu = SparseLu.Factorize(TestSystems.FromDense(new double[,] { { 1, -0.5 }, { -0.5, 1 } }));

        Assert.False(lu.TryRefactor([1, -1, -1, 1], out _, out bool fellBack, out var singular));
        Assert.False(lu.CreateNumeric().TryRefactor([1, -1, -1, 1], out _, out var numericSingular));

        Assert.True(fellBack);
        Assert.Equal([0, 1], singular.Columns.ToArray());
        Assert.Equal([0, 1], numericSingular.Columns.ToArray());
    }

    [Fact]
    public void TryRefactor_WrongLengthOrNonFinite_Throws()
    {
        var lu = SparseLu.Factorize(TestSystems.FromDense(new double[,] { { 2, 1 }, { 1, 2 } }));

        Assert.Throws<ArgumentException>(() => lu.CreateNumeric().TryRefactor([1, 2, 3], out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => lu.TryRefactor([1, double.NaN, 1, 2], out _, out _, out _));
    }

    [Fact]
    public void NumericLu_RefactorAndSolve_AllocatesNothing()
    {
        var a = TestSystems.RandomDominant(500, seed: 3, meanInputs: 3);
        var lu = SparseLu.Factorize(a);
        Assert.NotEmpty(lu.DenseTails); // the dense part is refactorized without allocating too
        var numeric = lu.CreateNumeric();
        var values = Draw(a, 5);
        var f = TestSystems.RandomVector(500, 4);
        var x = new double[500];
        var work = new double[500];
        Assert.True(numeric.TryRefactor(values, out bool fellBack, out _));
        Assert.False(fellBack);
        for (int warm = 0; warm < 3; warm++)
        {
            numeric.TryRefactor(values, out _, out _);
            numeric.TrySolve(f, x, work);
            numeric.TrySolveTransposed(f, x, work);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        numeric.TryRefactor(values, out _, out _);
        numeric.TrySolve(f, x, work);
        numeric.TrySolveTransposed(f, x, work);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
    }

    [Fact]
    public void NumericLu_DrawsOnTwoThreads_SameBitsAsOneThread()
    {
        var a = TestSystems.RandomDominant(2000, seed: 7, meanInputs: 4);
        var lu = SparseLu.Factorize(a);
        var f = TestSystems.RandomVector(a.Size, 8);
        const int draws = 40;

        double[][] Run(int threads)
        {
            var results = new double[draws][];
            var numerics = new ConcurrentBag<NumericLu>();
            Parallel.For(
                0,
                draws,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => lu.CreateNumeric(),
                (d, _, numeric) =>
                {
                    Assert.True(numeric.TryRefactor(Draw(a, 100 + d), out bool _, out SingularBlock? _));
                    results[d] = new double[a.Size];
                    Assert.True(numeric.TrySolve(f, results[d], new double[a.Size]));
                    return numeric;
                },
                numerics.Add);
            return results;
        }

        var one = Run(1);
        var two = Run(2);

        for (int d = 0; d < draws; d++)
        {
            Assert.Equal(one[d], two[d]);
        }
    }
}
