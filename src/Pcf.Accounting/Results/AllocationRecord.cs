using System.Collections.Immutable;
using Pcf.Accounting.Model;

namespace Pcf.Accounting.Results;

/// <summary>How one multi-output process was handled: the method chosen and the share of each output.</summary>
/// <param name="Process">The process.</param>
/// <param name="Method">The method applied: stated by the process, or the first of the rule set's preferences its data support.</param>
/// <param name="StatedByProcess"><see langword="true"/> when the process stated the method; <see langword="false"/> when the rule set chose it.</param>
/// <param name="Shares">Each output's share of the inputs and emissions (they sum to one); empty under system expansion.</param>
/// <param name="Basis">What the shares were computed from, such as <c>mass: 950 kg, 50 kg</c>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record AllocationRecord(ProcessId Process, AllocationMethod Method, bool StatedByProcess, ImmutableArray<AllocationShare> Shares, string Basis)
{
    /// <inheritdoc/>
    public bool Equals(AllocationRecord? other) =>
        other is not null && Process == other.Process && Method == other.Method && StatedByProcess == other.StatedByProcess
        && Shares.SequenceEqual(other.Shares) && Basis == other.Basis;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Process, Method, Basis);
}
