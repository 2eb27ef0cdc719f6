namespace Pcf.Accounting.Engine.Sparse;

/// <summary>Tuning of <see cref="SparseLu"/>: when a block switches to a dense LU, and how many threads that may use.</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record SparseLuOptions
{
    /// <summary>Gets the defaults.</summary>
    public static SparseLuOptions Default { get; } = new();

    /// <summary>
    /// Gets the density at which the rest of a block is factorized dense: when the column just eliminated has at least this
    /// share of the block's remaining rows in L. The default value is 0.3.
    /// </summary>
    public double DenseSwitchDensity { get; init; } = 0.3;

    /// <summary>Gets the smallest number of remaining columns worth a dense LU. The default value is 96.</summary>
    public int MinimumDenseSize { get; init; } = 96;

    /// <summary>
    /// Gets the work (trailing rows × trailing columns × panel width) from which a panel's trailing update is split over
    /// threads. The default value is 50,000,000: about a dense part of 1,000; below it the threads cost more than they
    /// save, above all on a busy machine.
    /// </summary>
    public long ParallelWorkThreshold { get; init; } = 50_000_000;

    /// <summary>Gets the largest number of threads of a dense LU. The default value is the number of processors.</summary>
    /// <remarks>The result is the same, bit for bit, for any value.</remarks>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
