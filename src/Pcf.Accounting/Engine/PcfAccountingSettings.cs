using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Json;

namespace Pcf.Accounting.Engine;

/// <summary>The immutable settings of the footprint services, made once from the validated options (<c>PcfAccountingOptions</c> in
/// <c>Pcf.Accounting.DependencyInjection</c>) or directly.</summary>
/// <param name="DefaultGwpSet">The GWP set used when a calculation names none.</param>
/// <param name="JsonLimits">The limits applied when reading JSON documents.</param>
/// <param name="FactorResolution">The settings of the factor resolver (the provider timeout).</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PcfAccountingSettings(GwpSet DefaultGwpSet, JsonReadOptions JsonLimits, FactorResolverOptions FactorResolution)
{
    /// <summary>Gets the id of the rule set used when a calculation names none.</summary>
    /// <value>The default value is <c>ISO14067</c>.</value>
    public string DefaultRuleSet { get; init; } = Rules.RuleSet.Iso14067.Id;

    /// <summary>Gets the settings used when nothing is configured.</summary>
    /// <value>AR6, the default JSON limits, the default provider timeout and the ISO 14067 rule set: what unset options give.</value>
    public static PcfAccountingSettings Default { get; } = new(GwpSet.Ar6, JsonReadOptions.Default, FactorResolverOptions.Default);
}
