using CsCheck;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Engine.Sparse;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Tests.TestSupport.Engine;

namespace Pcf.Accounting.Tests.Engine.Sparse;

/// <summary>The condition estimate of <see cref="SparseLu"/> and what the engine does with it.</summary>
public sealed class ConditionEstimateTests
{
    // A 3-process loop: process 0 makes 1 of product 0 from g of product 2, process 1 makes 1 of product 1 from 1 of
    // product 0, process 2 makes 1 of product 2 from 1 of product 1: A = [[1, 0, −g], [−1, 1, 0], [0, −1, 1]], det = 1 − g.
    // With δ = 1 − g, A⁻¹ = (1/δ) [[1, g, g], [1, 1, g], [1, 1, 1]] (check: row 0 of A times column 0 is (1 − g)/δ = 1).
    // All entries are of magnitude 1, so the scaling is the identity: ‖A‖₁ = 2 (columns 0 and 1), ‖A⁻¹‖₁ = 3/δ (column 0),
    // and κ₁ = 6/δ.
    private static SparseMatrix Loop(double g) => TestSystems.FromDense(new double[,] { { 1, 0, -g }, { -1, 1, 0 }, { 0, -1, 1 } });

    [Fact]
    public void Condition_LoopWithGainCloseTo1_Is6OverOneMinusTheGain()
    {
        const double g = 1 - 1e-14;
        double delta = 1 - g; // exact (Sterbenz): 9.992007221626409e-15
        var lu = SparseLu.Factorize(Loop(g));

        var x = new double[3];
        lu.Solve([1, 0, 0], x);

        Assert.Equal(6 / delta, lu.Condition.Value, 6 / delta * 1e-12); // Hager's estimate finds column 0: exact here
        Assert.Equal([0, 1, 2], lu.Condition.Columns.ToArray());
        Assert.All(x, v => Assert.Equal(1 / delta, v, 1 / delta * 1e-14)); // s = A⁻¹ e₀ = (1, 1, 1)/δ ≈ 1.0008e14
    }

    [Fact]
    public void TryFactorize_LoopWithGainExactly1_IsNumericallySingular()
    {
        Assert.False(SparseLu.TryFactorize(Loop(1), out _, out var singular));

        Assert.Equal(Singularity.Numerical, singular.Kind);
        Assert.Equal([0, 1, 2], singular.Columns.ToArray());
        Assert.Equal(0, singular.SmallestRelativePivot);
    }

    [Fact]
    public void Condition_AcyclicOrUnitLoop_IsSmall()
    {
        Assert.Equal(1, SparseLu.Factorize(TestSystems.FromDense(new double[,] { { 1, 0 }, { -1000, 1 } })).Condition.Value);
        Assert.Empty(SparseLu.Factorize(TestSystems.FromDense(new double[,] { { 1, 0 }, { -1000, 1 } })).Condition.Columns);

        // Gain 0.5: δ = 0.5, κ₁ = 6 / 0.5 = 12.
        Assert.Equal(12, SparseLu.Factorize(Loop(0.5)).Condition.Value, 1e-12);
    }

    [Fact]
    public void Condition_ScalingAProduct_ChangesNothing()
    {
        // Measuring product 1 in thousandths multiplies row 1 by 1000; the scaled estimate is the same 12.
        var scaled = TestSystems.FromDense(new double[,] { { 1, 0, -0.5 }, { -1000, 1000, 0 }, { 0, -1, 1 } });

        Assert.Equal(12, SparseLu.Factorize(scaled).Condition.Value, 1e-9);
    }

    [Fact]
    public void Condition_RandomSystems_IsALowerBoundWithinAFactorOf10OfTheTrueConditionNumber() =>
        Gen.Select(Gen.Int[2, 40], Gen.Double[0.5, 4], Gen.Int)
            .Sample((n, meanInputs, seed) =>
            {
                var a = TestSystems.RandomDominant(n, seed, meanInputs);
                var lu = SparseLu.Factorize(a);
                double exact = WorstBlockCondition(a, lu);
                Assert.True(lu.Condition.Value <= exact * (1 + 1e-9), $"estimate {lu.Condition.Value} > exact {exact}");
                Assert.True(lu.Condition.Value >= exact / 10, $"estimate {lu.Condition.Value} < exact {exact} / 10");
            }, iter: 200);

    [Fact]
    public void Calculate_LoopWithGain1Minus1e14_IsSolvedWithAWarningCarryingTheEstimate()
    {
        var result = Calculate(LoopSystem(1 - 1e-14));

        // One kg of product a needs s = 1/δ ≈ 1.0008e14 runs of each process (see Loop above).
        var warning = Assert.Single(result.Warnings, w => w.Code == ProblemCodes.IllConditionedSystem);
        Assert.Equal(
            "Processes 'P0', 'P1', 'P2' form a loop that nearly makes no net output (condition estimate ≈ 6E+14): rounding alone may give the result " +
            "a relative error of up to 0.066, and any uncertainty of the loop's amounts is amplified as much.",
            warning.Message);
    }

    [Fact]
    public void Compile_LoopWithGainExactly1_IsSingularNamingTheProcesses()
    {
        var problem = Assert.Single(CompiledSystem.Compile(LoopSystem(1)).Problems);

        Assert.Equal(ProblemCodes.SingularSystem, problem.Code);
        Assert.Equal("The system cannot be solved: processes 'P0', 'P1', 'P2' form a loop that makes no net output, or use a product that nothing makes.", problem.Message);
    }

    [Fact]
    public void Compile_LoopWithGain1Minus1e15_IsRefusedAsIllConditioned()
    {
        // 1 − 1e-15 rounds to 1 − 9 · 2⁻⁵³, so δ = 9.99e-16: the pivot passes the singularity test (4 · 2⁻⁵² ≈ 8.9e-16),
        // but κ₁ = 6/δ ≈ 6.0e15 is past 1/2⁻⁵² ≈ 4.5e15: no digit of the result could be trusted.
        var problem = Assert.Single(CompiledSystem.Compile(LoopSystem(1 - 1e-15)).Problems);

        Assert.Equal(ProblemCodes.SingularSystem, problem.Code);
        Assert.Equal(
            "The system cannot be solved reliably: processes 'P0', 'P1', 'P2' form a loop that is ill-conditioned (condition estimate ≈ 6E+15): " +
            "it nearly makes no net output, and rounding alone may change every digit of the result.",
            problem.Message);
    }

    private static ProductSystem LoopSystem(double gain) => new ProductSystemBuilder("loop")
        .AddFlow("a", "a", Unit.Kilogram).AddFlow("b", "b", Unit.Kilogram).AddFlow("c", "c", Unit.Kilogram)
        .AddProcess("P0", "P0", p => p.Produces("a", 1, Unit.Kilogram).Consumes("c", gain, Unit.Kilogram))
        .AddProcess("P1", "P1", p => p.Produces("b", 1, Unit.Kilogram).Consumes("a", 1, Unit.Kilogram))
        .AddProcess("P2", "P2", p => p.Produces("c", 1, Unit.Kilogram).Consumes("b", 1, Unit.Kilogram))
        .WithReferenceProduct("a").WithDeclaredUnit(1, Unit.Kilogram).Build();

    /// <summary>The exact κ₁ of each diagonal block larger than 1×1, rows then columns scaled to a largest magnitude of 1, by dense inversion; the largest.</summary>
    private static double WorstBlockCondition(SparseMatrix a, SparseLu lu)
    {
        var dense = a.ToDense();
        double worst = 1;
        var starts = lu.BlockStarts.ToArray();
        for (int k = 0; k + 1 < starts.Length; k++)
        {
            int s = starts[k], m = starts[k + 1] - s;
            if (m < 2)
            {
                continue;
            }

            var b = new double[m, m];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    b[i, j] = dense[lu.RowOrder[s + i], lu.ColumnOrder[s + j]];
                }
            }

            for (int i = 0; i < m; i++)
            {
                double max = 0;
                for (int j = 0; j < m; j++)
                {
                    max = Math.Max(max, Math.Abs(b[i, j]));
                }

                for (int j = 0; j < m; j++)
                {
                    b[i, j] /= max;
                }
            }

            for (int j = 0; j < m; j++)
            {
                double max = 0;
                for (int i = 0; i < m; i++)
                {
                    max = Math.Max(max, Math.Abs(b[i, j]));
                }

                for (int i = 0; i < m; i++)
                {
                    b[i, j] /= max;
                }
            }

            var inverse = DenseLu.Factorize(b);
            double norm = 0, inverseNorm = 0;
            for (int j = 0; j < m; j++)
            {
                var e = new double[m];
                e[j] = 1;
                var column = inverse.Solve(e);
                double sum = 0, inverseSum = 0;
                for (int i = 0; i < m; i++)
                {
                    sum += Math.Abs(b[i, j]);
                    inverseSum += Math.Abs(column[i]);
                }

                norm = Math.Max(norm, sum);
                inverseNorm = Math.Max(inverseNorm, inverseSum);
            }

            worst = Math.Max(worst, norm * inverseNorm);
        }

        return worst;
    }
}
