using CsCheck;
using Pcf.Accounting.Engine.Sparse;

namespace Pcf.Accounting.Tests.Engine.Sparse;

public sealed class ApproximateMinimumDegreeTests
{
    private static (int[] Pointers, int[] Adjacency) Symmetric(int n, IEnumerable<(int, int)> edges)
    {
        var sets = Enumerable.Range(0, n).Select(_ => new SortedSet<int>()).ToArray();
        foreach (var (a, b) in edges)
        {
            if (a != b)
            {
                sets[a].Add(b);
                sets[b].Add(a);
            }
        }

        var pointers = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            pointers[i + 1] = pointers[i] + sets[i].Count;
        }

        return (pointers, sets.SelectMany(s => s).ToArray());
    }

    /// <summary>Symbolic Cholesky fill of the ordering (a slow, obviously correct count).</summary>
    private static long Fill(int n, int[] pointers, int[] adjacency, int[] order)
    {
        var position = new int[n];
        for (int k = 0; k < n; k++)
        {
            position[order[k]] = k;
        }

        var sets = Enumerable.Range(0, n).Select(i => new HashSet<int>(adjacency[pointers[i]..pointers[i + 1]])).ToArray();
        var eliminated = new bool[n];
        long fill = 0;
        foreach (int v in order)
        {
            var later = sets[v].Where(u => !eliminated[u]).ToArray();
            foreach (int a in later)
            {
                foreach (int b in later)
                {
                    if (a != b && sets[a].Add(b))
                    {
                        fill++;
                    }
                }
            }

            eliminated[v] = true;
        }

        return fill;
    }

    [Fact]
    public void Order_RandomGraphs_IsAPermutation() =>
        Gen.Select(Gen.Int[1, 400], Gen.Int[0, 8], Gen.Int)
            .Sample((n, degree, seed) =>
            {
                var random = new Random(seed);
                var edges = Enumerable.Range(0, n * degree / 2).Select(_ => (random.Next(n), random.Next(n)));
                var (pointers, adjacency) = Symmetric(n, edges);

                var order = ApproximateMinimumDegree.Order(n, pointers, adjacency);

                Assert.Equal(Enumerable.Range(0, n), order.Order());
            }, iter: 200);

    [Fact]
    public void Order_Star_EliminatesHubLastWithoutFill()
    {
        // Arrowhead: node 0 linked to every other node. Eliminating the hub first would fill a
        // clique of n - 1 nodes; minimum degree eliminates the leaves first and has no fill.
        const int n = 30;
        var (pointers, adjacency) = Symmetric(n, Enumerable.Range(1, n - 1).Select(i => (0, i)));

        var order = ApproximateMinimumDegree.Order(n, pointers, adjacency);

        Assert.Equal(0, Fill(n, pointers, adjacency, order));
    }

    [Fact]
    public void Order_Grid_HasLessFillThanNaturalOrder()
    {
        // 20×20 five-point grid: natural (banded) order fills about n·20; minimum degree much less.
        const int side = 20, n = side * side;
        var edges = new List<(int, int)>();
        for (int r = 0; r < side; r++)
        {
            for (int c = 0; c < side; c++)
            {
                int v = (r * side) + c;
                if (c + 1 < side)
                {
                    edges.Add((v, v + 1));
                }

                if (r + 1 < side)
                {
                    edges.Add((v, v + side));
                }
            }
        }

        var (pointers, adjacency) = Symmetric(n, edges);

        var order = ApproximateMinimumDegree.Order(n, pointers, adjacency);
        long amd = Fill(n, pointers, adjacency, order);
        long natural = Fill(n, pointers, adjacency, Enumerable.Range(0, n).ToArray());

        Assert.True(amd < natural * 0.6, $"AMD fill {amd}, natural fill {natural}");
    }
}
