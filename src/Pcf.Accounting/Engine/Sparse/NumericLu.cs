using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Engine.Sparse;

/// <summary>
/// A factorization that is refactorized in place with new values on the structure of a base <see cref="SparseLu"/>, then
/// solved: the per-thread object of a Monte Carlo run (many value sets, one pattern).
/// </summary>
/// <remarks>
/// <para>A refactorization allocates nothing. When a kept pivot is too small for the new values (below the threshold rule of
/// <see cref="SparseLu.PivotTolerance"/>), the values are factorized afresh instead (which allocates) and the call says so.
/// Every refactorization starts from the base's structure, whatever came before, so a draw's result depends only on the
/// base and its values: the same bits on any thread, in any order. A dense part is refactorized on the calling thread
/// alone (the parallelism of a Monte Carlo run is across draws).</para>
/// </remarks>
/// <threadsafety>Not thread-safe: one instance per thread. The base may be shared by any number of instances.</threadsafety>
internal sealed class NumericLu
{
    private readonly SparseLu _own;
    private readonly double[] _values;
    private readonly double[] _scratch;
    private SparseLu? _current;

    internal NumericLu(SparseLu baseLu)
    {
        ArgumentNullException.ThrowIfNull(baseLu);
        _own = baseLu.CopyNumeric(baseLu.Matrix.WithValues(baseLu.Matrix.Values));
        _values = _own.Matrix.Values;
        _scratch = new double[Math.Max(baseLu.LargestBlock, 1)];
    }

    /// <summary>Gets the current factorization (valid until the next refactorization), or <see langword="null"/> before the first successful one.</summary>
    public SparseLu? Current => _current;

    /// <summary>Refactorizes <paramref name="values"/> (one per stored entry of the base's matrix, in its storage order).</summary>
    /// <param name="values">The new values.</param>
    /// <param name="fellBack"><see langword="true"/> when a kept pivot failed the check and the values were factorized afresh.</param>
    /// <param name="singular">Set when the values make the matrix singular; the object then has no current factorization.</param>
    /// <returns><see langword="true"/> when the object holds a factorization of <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public bool TryRefactor(ReadOnlySpan<double> values, out bool fellBack, [NotNullWhen(false)] out SingularBlock? singular)
    {
        _own.Matrix.CheckValues(values, nameof(values));
        values.CopyTo(_values);
        _own.ResetCondition();
        singular = null;
        if (_own.RefactorValues(_values, _scratch, threads: 1))
        {
            fellBack = false;
            _current = _own;
            return true;
        }

        fellBack = true;
        _current = SparseLu.TryFactorize(_own.Matrix.WithValues(values), out var fresh, out singular) ? fresh : null;
        return _current is not null;
    }

    /// <inheritdoc cref="SparseLu.TrySolve(ReadOnlySpan{double}, Span{double}, Span{double})"/>
    /// <exception cref="InvalidOperationException">No refactorization succeeded yet.</exception>
    public bool TrySolve(ReadOnlySpan<double> f, Span<double> x, Span<double> workspace) => Factorization.TrySolve(f, x, workspace);

    /// <inheritdoc cref="SparseLu.TrySolveTransposed(ReadOnlySpan{double}, Span{double}, Span{double})"/>
    /// <exception cref="InvalidOperationException">No refactorization succeeded yet.</exception>
    public bool TrySolveTransposed(ReadOnlySpan<double> c, Span<double> y, Span<double> workspace) => Factorization.TrySolveTransposed(c, y, workspace);

    private SparseLu Factorization => _current ?? throw new InvalidOperationException("No refactorization has succeeded yet.");
}
