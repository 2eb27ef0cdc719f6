using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Tests.Engine.Sparse;

public sealed class BlockTriangularFormTests
{
    private static SparseMatrix Graph(int n, params (int Row, int Column)[] edges)
    {
        var rows = new List<int>();
        var cols = new List<int>();
        for (int i = 0; i < n; i++)
        {
            rows.Add(i);
            cols.Add(i);
        }

        foreach (var (r, c) in edges)
        {
            rows.Add(r);
            cols.Add(c);
        }

        return SparseMatrix.FromTriplets(n, rows.ToArray(), cols.ToArray(), rows.Select(_ => 1.0).ToArray());
    }

    private static List<int[]> Blocks(BlockTriangularForm btf) =>
        Enumerable.Range(0, btf.BlockCount)
            .Select(k => btf.ColumnOrder[btf.BlockStarts[k]..btf.BlockStarts[k + 1]].Order().ToArray())
            .ToList();

    [Fact]
    public void Compute_HandGraph_FindsComponentsInDependencyOrder()
    {
        // Entries (i, j): process j consumes product i. Loops 0 <-> 1 and 2 -> 3 -> 4 -> 2;
        // process 0 consumes product 2, so block {2,3,4} must be solved after {0,1}; 5 is alone and
        // consumes product 0.
        var a = Graph(6, (1, 0), (0, 1), (3, 2), (4, 3), (2, 4), (2, 0), (0, 5));

        var btf = BlockTriangularForm.Compute(a);
        var blocks = Blocks(btf);

        Assert.Equal(3, btf.BlockCount);
        Assert.Equal([[5], [0, 1], [2, 3, 4]], blocks);
    }

    [Fact]
    public void Compute_EveryEntryIsInItsBlockOrALaterOne()
    {
        var a = TestSystems.RandomDominant(300, seed: 7, meanInputs: 1.2);
        var btf = BlockTriangularForm.Compute(a);
        var rowPos = new int[a.Size];
        var colBlock = new int[a.Size];
        var rowBlock = new int[a.Size];
        for (int k = 0; k < btf.BlockCount; k++)
        {
            for (int p = btf.BlockStarts[k]; p < btf.BlockStarts[k + 1]; p++)
            {
                colBlock[btf.ColumnOrder[p]] = k;
                rowBlock[btf.RowOrder[p]] = k;
                rowPos[btf.RowOrder[p]] = p;
            }
        }

        for (int j = 0; j < a.Size; j++)
        {
            for (int p = a.ColumnPointers[j]; p < a.ColumnPointers[j + 1]; p++)
            {
                Assert.True(rowBlock[a.RowIndices[p]] >= colBlock[j]);
            }
        }

        Assert.True(btf.BlockCount > 1);
    }

    [Fact]
    public void Compute_ZeroDiagonal_UsesTransversal()
    {
        // [[0, 2], [3, 0]]: rows must swap; no cycle remains, so two 1×1 blocks.
        var a = SparseMatrix.FromTriplets(2, [1, 0], [0, 1], [3.0, 2.0]);

        var btf = BlockTriangularForm.Compute(a);

        Assert.Equal(2, btf.BlockCount);
        for (int p = 0; p < 2; p++)
        {
            Assert.NotEqual(btf.RowOrder[p], btf.ColumnOrder[p]);
        }
    }

    [Fact]
    public void TryCompute_ZeroColumn_IsStructurallySingularNamingIt()
    {
        var a = SparseMatrix.FromTriplets(3, [0, 1, 0], [0, 1, 2], [1.0, 1.0, 0.0]);

        Assert.Null(BlockTriangularForm.TryCompute(a, out var singular));

        Assert.Equal(Singularity.Structural, singular!.Kind);
        Assert.Equal([2], singular.Columns.ToArray());
    }

    [Fact]
    public void Compute_LongChain_DoesNotRecurse()
    {
        // Process j consumes product j + 1: a chain of 1,000,000 one-node blocks.
        const int n = 1_000_000;
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

        var btf = BlockTriangularForm.Compute(SparseMatrix.FromTriplets(n, rows, cols, vals));

        Assert.Equal(n, btf.BlockCount);
        Assert.Equal(0, btf.ColumnOrder[0]);
    }
}
