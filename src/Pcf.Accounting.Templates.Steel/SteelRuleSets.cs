using Pcf.Accounting.Model;
using Pcf.Accounting.Rules;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>The rule sets of the steel templates: GB/T 24067-2024 cradle to gate, with co-products either credited by system
/// expansion (the default, as ISO 14044 prefers and worldsteel practises) or allocated by economic value (as EN 15804 asks of
/// construction-product declarations).</summary>
/// <remarks>The templates choose one by their <c>coProductMethod</c> parameter; <c>AddSteelTemplates()</c> also registers both, so
/// <c>pcf calculate --rule-set</c> and reference vectors can name them.</remarks>
public static class SteelRuleSets
{
    /// <summary>Gets GB/T 24067-2024, cradle to gate, co-products by system expansion only (ISO 14044:2006 cl. 4.3.4.2; worldsteel
    /// LCI methodology 2017): every co-product must state what it displaces, and its credit is reported on its own line.</summary>
    public static RuleSet SystemExpansion { get; } = new("STEEL-SE", "GB/T 24067-2024, steel co-products by system expansion (ISO 14044:2006 cl. 4.3.4.2; worldsteel LCI methodology 2017)",
        SystemBoundary.CradleToGate, [AllocationMethod.SystemExpansion]);

    /// <summary>Gets GB/T 24067-2024, cradle to gate, co-products allocated by economic value (EN 15804:2012+A2:2019 cl. 6.4.3.2,
    /// which admits no substitution within the product stage).</summary>
    public static RuleSet EconomicAllocation { get; } = new("STEEL-ECONOMIC", "GB/T 24067-2024, steel co-products allocated by economic value (EN 15804:2012+A2:2019 cl. 6.4.3.2)",
        SystemBoundary.CradleToGate, [AllocationMethod.Economic]);
}
