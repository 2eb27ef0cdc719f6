using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>
/// A sparse LU factorization of a square matrix in block triangular form, ready to solve
/// <c>A x = f</c> and <c>Aᵀ y = c</c> for any number of right-hand sides.
/// </summary>
/// <remarks>
/// <para>Steps, in the manner of KLU (Davis &amp; Palamadai Natarajan 2010): a maximum transversal only
/// if the diagonal has a structural zero; the strongly connected components (iterative Tarjan) give
/// the diagonal blocks; 1×1 blocks are a division; larger blocks are ordered by approximate minimum
/// degree on the block's <c>B + Bᵀ</c> and factorized by a left-looking Gilbert–Peierls LU with
/// threshold partial pivoting that keeps the diagonal when <c>|b_jj| ≥ 0.001 · max |column|</c>.
/// The entries outside the diagonal blocks are not factorized; solves use them in block back-substitution.
/// An acyclic system has only 1×1 blocks and is solved in one pass in topological order. A block whose LU fills in
/// finishes with a dense trailing part (<see cref="DenseTail"/>, see <see cref="SparseLuOptions"/>).</para>
/// <para>Outcomes are values, not exceptions: <see cref="TryFactorize(SparseMatrix, out SparseLu?, out SingularBlock?)"/>
/// names the columns of a singular block, <see cref="TrySolve(ReadOnlySpan{double}, Span{double}, Span{double})"/> says
/// whether the solution overflowed, <see cref="Condition"/> estimates how far a solution can be trusted, and
/// <see cref="TryRefactor"/> and <see cref="NumericLu"/> reuse the structure for new values.</para>
/// <para>Positions: the matrix is permuted to <c>M = P A Q</c>; row position p is original row
/// <c>RowOrder[p]</c>, column position p is original column <c>ColumnOrder[p]</c>. Diagonal block
/// k covers positions <c>BlockStarts[k] .. BlockStarts[k+1]-1</c>, where <c>M_kk = L_k U_k</c>, and
/// every entry of column position p lies in a row position of p's block or a later one.</para>
/// </remarks>
/// <threadsafety>Immutable once built: any number of threads may solve at once.</threadsafety>
internal sealed partial class SparseLu
{
    /// <summary>Pivot tolerance of threshold partial pivoting: the diagonal is kept if it is at least this share of the column's largest entry (KLU's default).</summary>
    internal const double PivotTolerance = 0.001;

    /// <summary>
    /// A pivot at most this share of its column's largest magnitude (four units of rounding, 4 · 2⁻⁵²) means the block is
    /// numerically singular: a pivot that small cannot be told apart from an exact cancellation.
    /// </summary>
    /// <remarks>A nearly singular loop whose pivot is larger than this is factorized; <see cref="Condition"/> then says how
    /// far the solution can be trusted.</remarks>
    internal const double SingularityTolerance = 4 * 2.220446049250313e-16;

    /// <summary>Blocks up to this size keep their natural order instead of an AMD ordering.</summary>
    private const int NaturalOrderLimit = 4;

    private readonly int _n;
    private readonly int[] _rowOrder;
    private readonly int[] _columnOrder;
    private readonly int[] _blockStarts;
    private readonly int[] _lp, _li, _up, _ui, _op, _oi;
    private readonly double[] _lx, _ux, _ox, _diagonal;
    private readonly SparseMatrix _matrix;
    private ConditionEstimate? _condition;

    private SparseLu(
        SparseMatrix matrix, int n, int[] rowOrder, int[] columnOrder, int[] blockStarts,
        int[] lp, int[] li, double[] lx, int[] up, int[] ui, double[] ux, double[] diagonal,
        int[] op, int[] oi, double[] ox)
    {
        _matrix = matrix;
        _n = n;
        _rowOrder = rowOrder;
        _columnOrder = columnOrder;
        _blockStarts = blockStarts;
        _lp = lp;
        _li = li;
        _lx = lx;
        _up = up;
        _ui = ui;
        _ux = ux;
        _diagonal = diagonal;
        _op = op;
        _oi = oi;
        _ox = ox;
        int largest = 0;
        for (int k = 0; k + 1 < blockStarts.Length; k++)
        {
            largest = Math.Max(largest, blockStarts[k + 1] - blockStarts[k]);
        }

        LargestBlock = largest;
    }

    /// <summary>Gets the order of the system.</summary>
    public int Size => _n;

    /// <summary>Gets the number of diagonal blocks (strongly connected components).</summary>
    public int BlockCount => _blockStarts.Length - 1;

    /// <summary>Gets the size of the largest diagonal block.</summary>
    public int LargestBlock { get; }

    /// <summary>Gets nnz(L) + nnz(U) of the diagonal blocks, the diagonal counted once and L's unit diagonal not counted.</summary>
    public long FactorNonZeroCount => (long)_lp[_n] + _up[_n] + _n + DenseTails.Sum(t => ((long)t.Size * t.Size) - t.Size);

    /// <summary>Gets the options the factorization was made with (a refactorization uses its thread count).</summary>
    internal SparseLuOptions Options { get; private init; } = SparseLuOptions.Default;

    /// <summary>Gets the indices of the blocks with a dense trailing part, ascending.</summary>
    internal int[] DenseBlocks { get; private init; } = [];

    /// <summary>Gets the dense trailing parts of <see cref="DenseBlocks"/>, in the same order.</summary>
    internal DenseTail[] DenseTails { get; private init; } = [];

    /// <summary>Gets the smallest pivot of the blocks larger than 1×1, as a share of its column's largest magnitude (1 when there is none).</summary>
    public double SmallestRelativePivot { get; private init; } = 1;

    /// <summary>Gets the number of entries outside the diagonal blocks.</summary>
    public int OffDiagonalNonZeroCount => _op[_n];

    /// <summary>Gets the matrix factorized.</summary>
    internal SparseMatrix Matrix => _matrix;

    /// <summary>Gets the original row at each position.</summary>
    internal ReadOnlySpan<int> RowOrder => _rowOrder;

    /// <summary>Gets the original column at each position.</summary>
    internal ReadOnlySpan<int> ColumnOrder => _columnOrder;

    /// <summary>Gets the block starts, closed by <see cref="Size"/>.</summary>
    internal ReadOnlySpan<int> BlockStarts => _blockStarts;

    /// <summary>Factorizes <paramref name="a"/>, or says why it cannot be.</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="lu">The factorization, when the matrix is not singular.</param>
    /// <param name="singular">Otherwise, the offending columns and the kind of singularity.</param>
    /// <returns><see langword="true"/> when <paramref name="a"/> was factorized.</returns>
    public static bool TryFactorize(SparseMatrix a, [NotNullWhen(true)] out SparseLu? lu, [NotNullWhen(false)] out SingularBlock? singular) =>
        TryFactorize(a, SparseLuOptions.Default, out lu, out singular);

    /// <inheritdoc cref="TryFactorize(SparseMatrix, out SparseLu?, out SingularBlock?)"/>
    /// <param name="a">The matrix.</param>
    /// <param name="options">When to switch a block to a dense LU, and its threads.</param>
    /// <param name="lu">The factorization, when the matrix is not singular.</param>
    /// <param name="singular">Otherwise, the offending columns and the kind of singularity.</param>
    public static bool TryFactorize(SparseMatrix a, SparseLuOptions options, [NotNullWhen(true)] out SparseLu? lu, [NotNullWhen(false)] out SingularBlock? singular)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(options);
        lu = FactorizeAcyclic(a, out singular);
        if (lu is null && singular is null)
        {
            lu = FactorizeGeneral(a, options, out singular);
        }

        return lu is not null;
    }

    /// <summary>Factorizes a matrix known to be non-singular (tests, benchmarks).</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular; the message describes the offending block.</exception>
    public static SparseLu Factorize(SparseMatrix a) =>
        TryFactorize(a, out var lu, out var singular) ? lu : throw new InvalidOperationException(singular.Describe());

    /// <summary>Factorizes through the block triangular form, whatever the matrix (the path of every matrix that is not acyclic).</summary>
    internal static SparseLu? FactorizeGeneral(SparseMatrix a, SparseLuOptions options, out SingularBlock? singular)
    {
        var btf = BlockTriangularForm.TryCompute(a, out singular);
        return btf is null ? null : new Factorizer(a, btf, options).Run(out singular);
    }

    /// <summary>Factorizes through the block triangular form (tests compare it with the acyclic path).</summary>
    internal static SparseLu FactorizeGeneral(SparseMatrix a) =>
        FactorizeGeneral(a, SparseLuOptions.Default, out var singular) ?? throw new InvalidOperationException(singular!.Describe());
}
