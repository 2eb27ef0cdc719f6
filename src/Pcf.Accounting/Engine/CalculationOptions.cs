using System.Collections.Immutable;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Engine;

/// <summary>What to calculate and under which rules: each value left <see langword="null"/> takes the default.</summary>
/// <param name="RuleSet">The rule set; <see langword="null"/> for <see cref="RuleSet.Iso14067"/>.</param>
/// <param name="GwpSet">The GWP set; <see langword="null"/> for the configured default (<see cref="PcfAccountingSettings.DefaultGwpSet"/>, AR6 unless configured).</param>
/// <param name="Demand">The demand; <see langword="null"/> for one declared unit of the reference product.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CalculationOptions(RuleSet? RuleSet = null, GwpSet? GwpSet = null, Demand? Demand = null)
{
    /// <summary>Gets the options that take every default.</summary>
    public static CalculationOptions Default { get; } = new();

    /// <summary>Gets views computed over this result in addition to the calculator's registered views (a view whose id is
    /// registered is not computed twice), such as the views a template's results carry (<c>TemplateBuild.Views</c>).</summary>
    public ImmutableArray<IFootprintView> Views { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(CalculationOptions? other) =>
        other is not null && RuleSet == other.RuleSet && GwpSet == other.GwpSet && Demand == other.Demand && Views.SequenceEqual(other.Views);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RuleSet, GwpSet, Demand, Views.Length);
}
