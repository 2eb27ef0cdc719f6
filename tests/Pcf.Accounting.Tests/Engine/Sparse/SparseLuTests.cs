using CsCheck;
using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Tests.Engine.Sparse;

public sealed class SparseLuTests
{
    private static double[] Solve(SparseMatrix a, double[] f)
    {
        var x = new double[a.Size];
        SparseLu.Factorize(a).Solve(f, x);
        return x;
    }

    [Fact]
    public void Solve_TwoProcessLoop_MatchesHandSolution()
    {
        // Electricity (0) needs 0.1 kg coal per kWh; coal mining (1) needs 0.2 kWh per kg.
        // A = [[1, -0.2], [-0.1, 1]], f = (1, 0):
        // s1 = 0.1 s0; s0 - 0.2 · 0.1 s0 = 1 -> s0 = 1 / 0.98 = 1.0204081632653061, s1 = 0.10204081632653061.
        var a = TestSystems.FromDense(new double[,] { { 1, -0.2 }, { -0.1, 1 } });

        var s = Solve(a, [1, 0]);

        Assert.Equal(1 / 0.98, s[0], 1e-15);
        Assert.Equal(0.1 / 0.98, s[1], 1e-15);
    }

    [Fact]
    public void Solve_ThreeProcessLoop_MatchesHandSolution()
    {
        // 0 -> 1 -> 2 -> 0 ring: process j consumes 0.5 of product j-1 (mod 3) per unit, outputs 2.
        // A = [[2, 0, -0.5], [-0.5, 2, 0], [0, -0.5, 2]], f = (0, 0, 1):
        // 2 s0 = 0.5 s2, 2 s1 = 0.5 s0, 2 s2 = 1 + 0.5 s1 -> s0 = s2/4, s1 = s2/16, 2 s2 = 1 + s2/32
        // -> s2 = 1 / (2 - 1/32) = 32/63, s0 = 8/63, s1 = 2/63.
        var a = TestSystems.FromDense(new double[,] { { 2, 0, -0.5 }, { -0.5, 2, 0 }, { 0, -0.5, 2 } });

        var s = Solve(a, [0, 0, 1]);

        Assert.Equal(8.0 / 63, s[0], 1e-15);
        Assert.Equal(2.0 / 63, s[1], 1e-15);
        Assert.Equal(32.0 / 63, s[2], 1e-15);
    }

    [Fact]
    public void Solve_Chain_MultipliesAmountsAlongTheChain()
    {
        // Process j makes 2 units and consumes 3 of product j + 1: s0 = 1/2, s_{j+1} = 3 s_j / 2.
        const int n = 10;
        var dense = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            dense[j, j] = 2;
            if (j + 1 < n)
            {
                dense[j + 1, j] = -3;
            }
        }

        var s = Solve(TestSystems.FromDense(dense), [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        for (int j = 0; j < n; j++)
        {
            Assert.Equal(0.5 * Math.Pow(1.5, j), s[j], 1e-12);
        }
    }

    [Fact]
    public void Solve_Tree_SumsDemandOverConsumers()
    {
        // 0 consumes 2 of 1 and 3 of 2; 1 and 2 both consume product 3 (1 and 4 per unit).
        // s0 = 1, s1 = 2, s2 = 3, s3 = 2·1 + 3·4 = 14.
        var a = TestSystems.FromDense(new double[,]
        {
            { 1, 0, 0, 0 },
            { -2, 1, 0, 0 },
            { -3, 0, 1, 0 },
            { 0, -1, -4, 1 },
        });

        Assert.Equal([1.0, 2.0, 3.0, 14.0], Solve(a, [1, 0, 0, 0]));
    }

    [Fact]
    public void Solve_SmallDiagonal_PivotsOffTheDiagonal()
    {
        // [[1e-6, 1], [1, 1]] x = (1, 2): x = (1/(1-1e-6), (1 - 2e-6)/(1 - 1e-6)).
        var a = TestSystems.FromDense(new double[,] { { 1e-6, 1 }, { 1, 1 } });

        var x = Solve(a, [1, 2]);

        Assert.Equal(1 / (1 - 1e-6), x[0], 1e-14);
        Assert.Equal((1 - 2e-6) / (1 - 1e-6), x[1], 1e-14);
    }

    [Fact]
    public void Solve_RandomDominantSystems_AgreeWithDenseLu() =>
        Gen.Select(Gen.Int[1, 120], Gen.Double[0.3, 4], Gen.Bool, Gen.Int)
            .Sample((n, meanInputs, permuteRows, seed) =>
            {
                var a = TestSystems.RandomDominant(n, seed, meanInputs, permuteRows);
                var f = TestSystems.RandomVector(n, seed + 1);
                var lu = SparseLu.Factorize(a);
                var dense = DenseLu.Factorize(a.ToDense());

                var x = new double[n];
                lu.Solve(f, x);
                Assert.True(TestSystems.RelativeDifference(x, dense.Solve(f)) < 1e-12);
                Assert.True(TestSystems.Residual(a, x, f) < 1e-12);

                var y = new double[n];
                lu.SolveTransposed(f, y);
                Assert.True(TestSystems.RelativeDifference(y, dense.SolveTransposed(f)) < 1e-12);
                Assert.True(TestSystems.Residual(a, y, f, transposed: true) < 1e-12);
            }, iter: 300);

    [Fact]
    public void Solve_LargeCyclicCore_SmallResidual()
    {
        var a = TestSystems.RandomDominant(3000, seed: 11, meanInputs: 4);
        var f = TestSystems.RandomVector(3000, 12);
        var lu = SparseLu.Factorize(a);
        var x = new double[a.Size];
        var y = new double[a.Size];

        lu.Solve(f, x);
        lu.SolveTransposed(f, y);

        Assert.True(lu.LargestBlock > 1000);
        Assert.True(TestSystems.Residual(a, x, f) < 1e-12);
        Assert.True(TestSystems.Residual(a, y, f, transposed: true) < 1e-12);
    }

    [Fact]
    public void Factorize_AcyclicSystems_SameAsTheGeneralPath() =>
        Gen.Select(Gen.Int[1, 150], Gen.Int[0, 4], Gen.Int)
            .Sample((n, maxInputs, seed) =>
            {
                // Processes in a random rank order; each buys from up to maxInputs processes of later rank (a DAG, some
                // products bought by several processes), with its own output on the diagonal.
                var random = new Random(seed);
                var rank = TestSystems.Permutation(n, random);
                var rows = new List<int>();
                var cols = new List<int>();
                var vals = new List<double>();
                for (int r = 0; r < n; r++)
                {
                    rows.Add(rank[r]);
                    cols.Add(rank[r]);
                    vals.Add(0.5 + random.NextDouble());
                    for (int k = r + 1 < n ? random.Next(maxInputs + 1) : 0; k > 0; k--)
                    {
                        rows.Add(rank[random.Next(r + 1, n)]);
                        cols.Add(rank[r]);
                        vals.Add(-random.NextDouble() * 3);
                    }
                }

                var a = SparseMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), vals.ToArray());
                var fast = SparseLu.Factorize(a);
                var general = SparseLu.FactorizeGeneral(a);
                Assert.Equal(general.RowOrder.ToArray(), fast.RowOrder.ToArray());
                Assert.Equal(general.ColumnOrder.ToArray(), fast.ColumnOrder.ToArray());
                Assert.Equal(general.BlockStarts.ToArray(), fast.BlockStarts.ToArray());
                Assert.Equal(general.FactorNonZeroCount, fast.FactorNonZeroCount);
                Assert.Equal(general.OffDiagonalNonZeroCount, fast.OffDiagonalNonZeroCount);

                var f = TestSystems.RandomVector(n, seed + 1);
                double[] x = new double[n], y = new double[n];
                fast.Solve(f, x);
                general.Solve(f, y);
                Assert.Equal(y, x); // bit-identical: same order, same entries
                fast.SolveTransposed(f, x);
                general.SolveTransposed(f, y);
                Assert.Equal(y, x);
            }, iter: 300);

    [Fact]
    public void Solve_RelabeledProcesses_GivesRelabeledSolution() =>
        Gen.Select(Gen.Int[2, 80], Gen.Int)
            .Sample((n, seed) =>
            {
                var a = TestSystems.RandomDominant(n, seed, meanInputs: 3);
                var f = TestSystems.RandomVector(n, seed + 1);
                var perm = TestSystems.Permutation(n, new Random(seed + 2));
                var rows = new List<int>();
                var cols = new List<int>();
                var vals = new List<double>();
                for (int j = 0; j < n; j++)
                {
                    for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
                    {
                        rows.Add(perm[a.RowIndices[p]]);
                        cols.Add(perm[j]);
                        vals.Add(a.Values[p]);
                    }
                }

                var b = SparseMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), vals.ToArray());
                var g = new double[n];
                for (int i = 0; i < n; i++)
                {
                    g[perm[i]] = f[i];
                }

                var x = Solve(a, f);
                var z = Solve(b, g);
                var relabeled = new double[n];
                for (int i = 0; i < n; i++)
                {
                    relabeled[i] = z[perm[i]];
                }

                Assert.True(TestSystems.RelativeDifference(relabeled, x) < 1e-12);
            }, iter: 100);

    [Fact]
    public void TryFactorize_LoopThatNetsNothing_NamesTheLoop()
    {
        // Processes 1 and 2 each make 1 unit from 1 unit of the other: A = [[1,-1],[-1,1]] is singular.
        // Process 0 (a consumer of product 1) is not part of the loop.
        var a = TestSystems.FromDense(new double[,] { { 1, 0, 0 }, { -1, 1, -1 }, { 0, -1, 1 } });

        Assert.False(SparseLu.TryFactorize(a, out var lu, out var singular));

        Assert.Null(lu);
        Assert.Equal(Singularity.Numerical, singular.Kind);
        Assert.Equal([1, 2], singular.Columns.ToArray());
        Assert.Equal(0, singular.SmallestRelativePivot); // 1 - (-1)(-1) cancels exactly
        Assert.Contains(singular.BreakdownColumn!.Value, singular.Columns);
    }

    [Fact]
    public void Factorize_TwoCycle_ThrowsForACallerThatAssumedItRegular()
    {
        var a = TestSystems.FromDense(new double[,] { { 1, -1 }, { -1, 1 } });

        var ex = Assert.Throws<InvalidOperationException>(() => SparseLu.Factorize(a));

        Assert.Equal("A block of 2 columns is numerically singular (smallest relative pivot 0.00E+000); the elimination broke down at column 1.", ex.Message);
    }

    [Fact]
    public void TryFactorize_ProcessWithoutOutput_IsStructuralNamingIt()
    {
        // Process 1 has an empty column (no output, no inputs).
        var a = SparseMatrix.FromTriplets(3, [0, 1, 2], [0, 0, 2], [1.0, -1.0, 1.0]);

        Assert.False(SparseLu.TryFactorize(a, out _, out var singular));

        Assert.Equal(Singularity.Structural, singular.Kind);
        Assert.Equal([1], singular.Columns.ToArray());
        Assert.Null(singular.SmallestRelativePivot);
        Assert.Null(singular.BreakdownColumn);
    }

    [Fact]
    public void TryFactorize_ZeroPivotInLargerLoop_NamesAllItsProcesses()
    {
        // Ring of 6 where each makes 1 and consumes 1 of the previous: determinant 1 - 1 = 0.
        const int n = 6;
        var dense = new double[n, n];
        for (int j = 0; j < n; j++)
        {
            dense[j, j] = 1;
            dense[(j + n - 1) % n, j] = -1;
        }

        Assert.False(SparseLu.TryFactorize(TestSystems.FromDense(dense), out _, out var singular));

        Assert.Equal(Singularity.Numerical, singular.Kind);
        Assert.Equal([0, 1, 2, 3, 4, 5], singular.Columns.ToArray());
    }

    [Fact]
    public void Solve_NonFiniteDemand_Throws()
    {
        var lu = SparseLu.Factorize(TestSystems.FromDense(new double[,] { { 1 } }));

        Assert.Throws<ArgumentOutOfRangeException>(() => lu.Solve([double.NaN], new double[1]));
    }

    [Fact]
    public void TrySolve_OverflowingSolution_MarksTheColumnsThatOverflowed()
    {
        // s0 = 1 / 1e-300 = 1e300 (finite); s1 = s0 / 1e-300 = 1e600: not representable, so +infinity.
        // Transposed: y1 = 1e300 for c = (0, 1), then y0 = y1 / 1e-300 overflows.
        var a = TestSystems.FromDense(new double[,] { { 1e-300, 0 }, { -1, 1e-300 } });
        var lu = SparseLu.Factorize(a);
        var x = new double[2];
        var y = new double[2];

        Assert.False(lu.TrySolve([1, 0], x));
        Assert.False(lu.TrySolveTransposed([0, 1], y));

        Assert.Equal(1e300, x[0], 1e285);
        Assert.Equal(double.PositiveInfinity, x[1]);
        Assert.Equal(double.PositiveInfinity, y[0]);
        Assert.Equal(1e300, y[1], 1e285);
        var ex = Assert.Throws<InvalidOperationException>(() => lu.Solve([1, 0], x));
        Assert.Equal("The solution is not finite: it overflowed at column 1.", ex.Message);
    }

    [Fact]
    public void Solve_ProductTreeOf200000_DoesNotOverflowTheStack()
    {
        // Binary tree: process j consumes 0.5 units of products 2j+1 and 2j+2 -> s_j = 0.5^depth(j).
        const int n = 200_000;
        var rows = new List<int>();
        var cols = new List<int>();
        var vals = new List<double>();
        for (int j = 0; j < n; j++)
        {
            rows.Add(j);
            cols.Add(j);
            vals.Add(1);
            for (int c = (2 * j) + 1; c <= (2 * j) + 2 && c < n; c++)
            {
                rows.Add(c);
                cols.Add(j);
                vals.Add(-0.5);
            }
        }

        var a = SparseMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), vals.ToArray());
        var f = new double[n];
        f[0] = 1;

        var lu = SparseLu.Factorize(a);
        var s = new double[n];
        lu.Solve(f, s);

        Assert.Equal(n, lu.BlockCount);
        Assert.Equal(0.5, s[1]);
        Assert.Equal(Math.Pow(0.5, Math.Floor(Math.Log2(n))), s[n - 1]);
    }

    [Fact]
    public void Solve_Chain200000_DoesNotOverflowTheStack()
    {
        const int n = 200_000;
        var rows = new int[(2 * n) - 1];
        var cols = new int[rows.Length];
        var vals = new double[rows.Length];
        for (int j = 0; j < n; j++)
        {
            rows[j] = j;
            cols[j] = j;
            vals[j] = 1;
        }

        for (int j = 0; j + 1 < n; j++)
        {
            rows[n + j] = j + 1;
            cols[n + j] = j;
            vals[n + j] = -1;
        }

        var a = SparseMatrix.FromTriplets(n, rows, cols, vals);
        var f = new double[n];
        f[0] = 2;
        var s = new double[n];
        var y = new double[n];

        var lu = SparseLu.Factorize(a);
        lu.Solve(f, s);
        lu.SolveTransposed(f, y);

        Assert.All(s, v => Assert.Equal(2, v));
        Assert.Equal(2, y[0]);
        Assert.Equal(0, y[n - 1]);
    }

    [Fact]
    public void Solve_CallerWorkspace_AllocatesNothing()
    {
        var a = TestSystems.RandomDominant(500, seed: 3, meanInputs: 3);
        var lu = SparseLu.Factorize(a);
        var f = TestSystems.RandomVector(500, 4);
        var x = new double[500];
        var work = new double[500];
        lu.Solve(f, x, work);
        lu.SolveTransposed(f, x, work);

        long before = GC.GetAllocatedBytesForCurrentThread();
        lu.Solve(f, x, work);
        lu.SolveTransposed(f, x, work);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
    }
}
