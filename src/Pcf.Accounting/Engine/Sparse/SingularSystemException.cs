namespace Pcf.Accounting.Engine.Sparse;

/// <summary>The technosphere matrix is singular: some processes cannot be scaled to meet a demand.</summary>
/// <remarks>
/// Raised for a structurally singular matrix (a product nobody supplies, a process with no output)
/// and for a numerically singular block (a loop that nets no output). <see cref="Processes"/> holds
/// the original column indices (processes) of the offending block, sorted, so the engine can name them.
/// </remarks>
#pragma warning disable CA1064 // Exceptions should be public: the engine translates this into its own error.
internal sealed class SingularSystemException : Exception
#pragma warning restore CA1064
{
    public SingularSystemException(string message, IReadOnlyList<int> processes)
        : base(message)
    {
        Processes = processes;
    }

    /// <summary>Gets the original indices of the processes in the offending block, ascending.</summary>
    public IReadOnlyList<int> Processes { get; }
}
