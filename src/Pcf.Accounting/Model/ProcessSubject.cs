using System.Collections.Immutable;
using Pcf.Accounting.Validation;

namespace Pcf.Accounting.Model;

/// <summary>A problem about processes of a system: a singular loop, an ill-conditioned block, a process that runs a negative number of times.</summary>
/// <param name="Processes">The processes concerned.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ProcessSubject(ImmutableArray<ProcessId> Processes) : ProblemSubject
{
    /// <inheritdoc/>
    public bool Equals(ProcessSubject? other) => other is not null && Processes.SequenceEqual(other.Processes);

    /// <inheritdoc/>
    public override int GetHashCode() => Processes.Length;
}
