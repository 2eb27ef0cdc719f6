using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Templates.Steel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the steel templates.</summary>
public static class PcfAccountingBuilderSteelExtensions
{
    /// <summary>Adds the steel templates (<c>steel/bf-bof</c>, <c>steel/scrap-eaf</c>, <c>steel/dri-eaf</c>, <c>steel/ipcc-tier1</c>) to the
    /// template catalog, and the steel rule sets (<c>STEEL-SE</c>, <c>STEEL-ECONOMIC</c>) to the rule-set registry.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <example><code>services.AddPcfAccounting().AddSteelTemplates().AddFactorsFromJson("site-factors.json");</code></example>
    public static PcfAccountingBuilder AddSteelTemplates(this PcfAccountingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(SteelTemplatesMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<SteelTemplatesMarker>();
        foreach (var template in SteelTemplates.All)
        {
            builder.AddTemplate(template);
        }

        return builder.AddRuleSet(SteelRuleSets.SystemExpansion).AddRuleSet(SteelRuleSets.EconomicAllocation);
    }

    /// <summary>Marks the steel templates as added, so a second call adds nothing.</summary>
    private sealed class SteelTemplatesMarker;
}
