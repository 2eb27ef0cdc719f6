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

    /// <summary>The positions 0 … <paramref name="count"/> − 1 ordered by <paramref name="compare"/>, equal keys in their
    /// order: a stable result from an unstable sort, with no delegate or closure made (the comparer is a struct).</summary>
    /// <typeparam name="TCompare">The comparer of two positions.</typeparam>
    /// <param name="count">The number of positions.</param>
    /// <param name="compare">Compares two positions.</param>
    /// <returns>The ordered positions; shared arrays for 0 and 1 (never written).</returns>
    public static int[] Of<TCompare>(int count, TCompare compare)
        where TCompare : struct, IPositionComparer
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
            sorted &= i == 0 || compare.Compare(i - 1, i) <= 0;
        }

        if (!sorted)
        {
            order.AsSpan().Sort(new ThenByPosition<TCompare>(compare));
        }

        return order;
    }

    /// <summary>Compares two positions of a list by their items.</summary>
    internal interface IPositionComparer
    {
        /// <summary>Compares the items at two positions.</summary>
        /// <param name="a">A position.</param>
        /// <param name="b">Another position.</param>
        /// <returns>Negative, zero or positive as the item at <paramref name="a"/> comes before, with or after the one at <paramref name="b"/>.</returns>
        int Compare(int a, int b);
    }

    // Ties broken by position.
    private readonly struct ThenByPosition<TCompare>(TCompare compare) : IComparer<int>
        where TCompare : struct, IPositionComparer
    {
        public int Compare(int a, int b)
        {
            int c = compare.Compare(a, b);
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
