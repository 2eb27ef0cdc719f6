using System.Collections.Immutable;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>What the rule set left out of the result, and why.</summary>
/// <param name="Excluded">The CO2e the excluded processes would have contributed.</param>
/// <param name="Share">Excluded divided by (total excluding uptake + excluded).</param>
/// <param name="Rules">The rules that excluded them, such as <c>boundary cradle-to-gate excludes stage Use: process 'washing'</c>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CutOffSummary(Quantity Excluded, double Share, ImmutableArray<string> Rules)
{
    /// <inheritdoc/>
    public bool Equals(CutOffSummary? other) =>
        other is not null && Excluded == other.Excluded && Share.Equals(other.Share) && Rules.SequenceEqual(other.Rules);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Excluded, Share);
}
