namespace Pcf.Accounting.Model;

/// <summary>A stable sort of the indices 0..n-1 by a comparison: the order LINQ's <c>OrderBy(...).ThenBy(...)</c> gives, without
/// making a key object per element.</summary>
internal static class CanonicalOrder
{
    private static readonly int[] Empty = [];
    private static readonly int[] One = [0];

    /// <summary>The order of 0 or 1 items (shared arrays): no comparison to make.</summary>
    public static int[]? Trivial(int count) => count switch
    {
        0 => Empty,
        1 => One,
        _ => null,
    };

    public static int[] Of(int count, Func<int, int, int> compare)
    {
        if (count <= 1)
        {
            return count == 0 ? Empty : One;
        }

        var order = new int[count];
        bool sorted = true;
        for (int i = 0; i < count; i++)
        {
            order[i] = i;
            sorted &= i == 0 || compare(i - 1, i) <= 0;
        }

        if (!sorted)
        {
            // Ties broken by position: a stable result from an unstable sort.
            Array.Sort(order, (a, b) =>
            {
                int c = compare(a, b);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        return order;
    }
}
