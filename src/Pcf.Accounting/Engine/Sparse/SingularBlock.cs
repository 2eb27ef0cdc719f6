using System.Collections.Immutable;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>Why a matrix could not be factorized.</summary>
internal enum Singularity
{
    /// <summary>No assignment of a distinct row to every column exists: a product nobody supplies, a process with no output.</summary>
    Structural = 0,

    /// <summary>The pattern allows a factorization, but the values cancel: a loop that nets no output of some product.</summary>
    Numerical = 1,
}

/// <summary>
/// The outcome of a factorization that failed: the columns (processes) of the offending part of the matrix, whether the
/// failure is structural or numerical, and, for a numerical one, how small the pivot that broke the elimination was.
/// </summary>
/// <param name="Kind">Structural or numerical.</param>
/// <param name="Columns">The original column indices involved, ascending: for a structural singularity the columns that
/// cannot be matched to a row of their own; for a numerical one every column of the diagonal block that broke down.</param>
/// <param name="SmallestRelativePivot">For a numerical singularity, the smallest pivot met in the block, as a share of the
/// largest magnitude of its column (zero for an exact cancellation); <see langword="null"/> for a structural one.</param>
/// <param name="BreakdownColumn">For a numerical singularity, the original column at which the elimination broke down.</param>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record SingularBlock(Singularity Kind, ImmutableArray<int> Columns, double? SmallestRelativePivot, int? BreakdownColumn)
{
    /// <summary>Describes the failure with original column indices (for tests and diagnostics; the engine words its own message with process ids).</summary>
    public string Describe() => Kind == Singularity.Structural
        ? $"The matrix is structurally singular: {Columns.Length} column(s) cannot be matched to a row of their own, e.g. column {Columns[0]}."
        : Columns.Length == 1
            ? $"Column {Columns[0]} is singular: its diagonal entry is zero and it is in no loop."
            : $"A block of {Columns.Length} columns is numerically singular (smallest relative pivot {SmallestRelativePivot:E2}); " +
              $"the elimination broke down at column {BreakdownColumn}.";

    internal static SingularBlock Numerical(int[] columnOrder, int start, int end, double relativePivot, int breakdownColumn)
    {
        var columns = new int[end - start];
        Array.Copy(columnOrder, start, columns, 0, columns.Length);
        Array.Sort(columns);
        return new SingularBlock(Singularity.Numerical, ImmutableArray.Create(columns), relativePivot, breakdownColumn);
    }
}
