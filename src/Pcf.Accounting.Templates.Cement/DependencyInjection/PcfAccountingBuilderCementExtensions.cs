using Pcf.Accounting.DependencyInjection;
using Pcf.Accounting.Templates.Cement;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the cement templates, <c>cement/clinker</c> and <c>cement/cement</c>.</summary>
public static class PcfAccountingBuilderCementExtensions
{
    /// <summary>Adds the cement templates to the template catalog.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, so that additional calls can be chained.</returns>
    /// <remarks>The templates' grid electricity resolves through the embedded China factors: add them with
    /// <c>AddDefaultFactors()</c> (package Pcf.Accounting.Data), or a factor file with the keys <c>electricity/grid</c> (CN, 2023)
    /// and <c>electricity/grid/combustion</c>.</remarks>
    /// <example><code>services.AddPcfAccounting().AddDefaultFactors().AddCementTemplates();</code></example>
    public static PcfAccountingBuilder AddCementTemplates(this PcfAccountingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddTemplate<ClinkerTemplate>().AddTemplate<CementTemplate>(); // made when templates are first asked for
    }
}
