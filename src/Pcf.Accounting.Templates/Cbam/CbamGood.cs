using System.Collections.Immutable;

namespace Pcf.Accounting.Templates.Cbam;

/// <summary>A good under the EU carbon border adjustment mechanism (Regulation (EU) 2023/956): its name, its CN code, whether its
/// indirect emissions count, and the greenhouse gases that count.</summary>
/// <param name="Name">The good's name, such as <c>cement</c> or <c>hot-rolled coil</c>.</param>
/// <param name="CnCode">Its Combined Nomenclature code, such as <c>2523 29 00</c> or <c>7208</c>.</param>
/// <param name="CountsIndirect">Whether its indirect emissions (electricity) count in its embedded emissions: <see langword="false"/> for
/// the goods of Regulation (EU) 2023/956 Annex II (iron and steel of CN chapter 72 except most ferro-alloys and ferrous scrap, listed
/// articles of 73, aluminium, hydrogen; electricity since Regulation (EU) 2025/2083), <see langword="true"/> for cement, clinker and
/// fertilisers. [S]: the Annex II list was read in a third-party transcription of the Official Journal text, not in the Journal itself.</param>
/// <remarks>
/// <para><see cref="Gases"/>: the greenhouse gases Annex I of Regulation (EU) 2023/956 names for the good; carbon dioxide for cement,
/// iron and steel, hydrogen and electricity, carbon dioxide and perfluorocarbons for aluminium, carbon dioxide and nitrous oxide for
/// some fertilisers. [U]: Annex I's gas column was not read in a primary copy; the Annex II transcription shows carbon dioxide for
/// every iron, steel and hydrogen entry and carbon dioxide and perfluorocarbons for aluminium.</para>
/// <para><see cref="IndirectByPrecursor"/>: whether a precursor's own indirect emissions count, where that differs from the good.
/// Implementing Regulation (EU) 2025/2547 Annex I point 3.1 [S] decides by the precursor's own classification: the indirect emissions of
/// a precursor outside Annex II (sintered ore in steel) count in an Annex II good, and those of an Annex II precursor do not count in a
/// good outside it. A precursor not listed follows the good.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CbamGood(string Name, string CnCode, bool CountsIndirect)
{
    /// <summary>Gets the chemical formulas of the greenhouse gases that count (matched against a gas's formula, such as <c>CO2</c>,
    /// <c>N2O</c>, <c>CF4</c>). The default value is carbon dioxide alone.</summary>
    public ImmutableArray<string> Gases { get; init; } = ["CO2"];

    /// <summary>Gets, by precursor name, whether that precursor's own indirect emissions count, where it differs from
    /// <see cref="CountsIndirect"/>. The default value is empty: every precursor follows the good.</summary>
    public ImmutableSortedDictionary<string, bool> IndirectByPrecursor { get; init; } = ImmutableSortedDictionary<string, bool>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Gets whether a precursor's own indirect emissions count.</summary>
    /// <param name="precursor">The precursor's name.</param>
    /// <returns>Its entry in <see cref="IndirectByPrecursor"/>, else <see cref="CountsIndirect"/>.</returns>
    public bool CountsIndirectOf(string precursor) => IndirectByPrecursor.TryGetValue(precursor, out bool counts) ? counts : CountsIndirect;

    /// <inheritdoc/>
    public bool Equals(CbamGood? other) =>
        other is not null && Name == other.Name && CnCode == other.CnCode && CountsIndirect == other.CountsIndirect
        && Gases.SequenceEqual(other.Gases) && IndirectByPrecursor.SequenceEqual(other.IndirectByPrecursor);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, CnCode, CountsIndirect);
}
