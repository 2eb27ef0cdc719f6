using Pcf.Accounting.Gases;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Engine;

/// <summary>What to calculate and under which rules: each value left <see langword="null"/> takes the default.</summary>
/// <param name="RuleSet">The rule set; <see langword="null"/> for <see cref="RuleSet.Iso14067"/>.</param>
/// <param name="GwpSet">The GWP set; <see langword="null"/> for the configured default (<see cref="DependencyInjection.PcfAccountingSettings.DefaultGwpSet"/>, AR6 unless configured).</param>
/// <param name="Demand">The demand; <see langword="null"/> for one declared unit of the reference product.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CalculationOptions(RuleSet? RuleSet = null, GwpSet? GwpSet = null, Demand? Demand = null)
{
    /// <summary>Gets the options that take every default.</summary>
    public static CalculationOptions Default { get; } = new();
}
