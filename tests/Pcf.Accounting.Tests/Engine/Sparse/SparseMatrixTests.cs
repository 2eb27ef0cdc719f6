using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Tests.Engine.Sparse;

public sealed class SparseMatrixTests
{
    [Fact]
    public void FromTriplets_DuplicatesAndUnsortedInput_SumsAndSortsByColumnThenRow()
    {
        var a = SparseMatrix.FromTriplets(3, [2, 0, 1, 0, 2], [0, 0, 2, 0, 1], [5.0, 1.0, 7.0, 2.0, -1.0]);

        Assert.Equal([0, 2, 3, 4], a.ColumnPointers);
        Assert.Equal([0, 2, 2, 1], a.RowIndices);
        Assert.Equal([3.0, 5.0, -1.0, 7.0], a.Values);
    }

    [Fact]
    public void FromTriplets_EntriesCancelling_AreNotStored()
    {
        var a = SparseMatrix.FromTriplets(2, [0, 0, 1], [1, 1, 1], [2.0, -2.0, 1.0]);

        Assert.Equal(1, a.NonZeroCount);
    }

    [Theory]
    [InlineData(3, 0, 1.0)]
    [InlineData(0, -1, 1.0)]
    [InlineData(0, 0, double.NaN)]
    [InlineData(0, 0, double.PositiveInfinity)]
    public void FromTriplets_InvalidEntry_Throws(int row, int column, double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseMatrix.FromTriplets(3, [row], [column], [value]));

    [Fact]
    public void Multiply_And_Transpose_AgreeWithDense()
    {
        // A = [[1, 0, -2], [-0.5, 3, 0], [0, -1, 4]], x = (1, 2, 3):
        // A x = (1 - 6, -0.5 + 6, -2 + 12) = (-5, 5.5, 10); Aᵀ x = (1 - 1, 6 - 3, -2 + 12) = (0, 3, 10).
        var a = TestSystems.FromDense(new double[,] { { 1, 0, -2 }, { -0.5, 3, 0 }, { 0, -1, 4 } });
        var y = new double[3];

        a.Multiply([1, 2, 3], y);
        Assert.Equal([-5.0, 5.5, 10.0], y);

        a.MultiplyTransposed([1, 2, 3], y);
        Assert.Equal([0.0, 3.0, 10.0], y);

        a.Transpose().Multiply([1, 2, 3], y);
        Assert.Equal([0.0, 3.0, 10.0], y);
    }
}
