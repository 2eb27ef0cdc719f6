using System.Collections.Immutable;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Templates.Steel.SteelParameters;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>Steel by the scrap-based electric arc furnace route (scrap with any bought pig iron or DRI), with secondary metallurgy,
/// casting and the product steps. Declared unit: 1 t of crude steel or of the named product, cradle to gate.</summary>
/// <remarks>
/// <para>The EAF's direct CO2 is its carbon mass balance (IPCC 2006 Vol. 3 Ch. 4, Tier 2): carbon in the scrap, pig iron, DRI,
/// electrodes, charge carbon, natural gas and fluxes, less the carbon in the steel, × 44/12. Scrap enters burden-free unless the
/// site names a factor for it; its end-of-life value is the separate view <c>steel-end-of-life</c>. Bought pig iron and DRI
/// carry their factors (keys <c>material/pig-iron</c>, <c>material/dri</c>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScrapEafTemplate : ITemplate
{
    /// <summary>The template's id.</summary>
    public const string TemplateId = "steel/scrap-eaf";

    /// <inheritdoc/>
    public TemplateDescriptor Descriptor { get; } = SteelBuild.Descriptor(TemplateId, "Steel, scrap-based electric arc furnace route, cradle to gate",
        "1 t of crude steel or a rolled or coated product from an electric arc furnace charged with scrap (and any bought pig iron or DRI): "
            + "EAF, secondary metallurgy and casting, rolling and coating. Direct CO2 by the EAF's carbon mass balance; grid electricity by China region and year; "
            + "bought items by factor key; sold slag and exported power credited (system expansion) or allocated; end-of-life scrap apart; CBAM tags.",
        "Tier 2 carbon mass balance, Table 4.3 carbon contents; Table 4.1 EAF factor as a plausibility check",
        "Appendix 10, end-of-life value of scrap");

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } = SteelBuild.Parameters(
        [EafScrap, EafPigIron, EafDriPurchased, .. EafFurnaceGroup],
        [CarbonScrap, CarbonHotMetal, CarbonDri, .. EafFurnaceProperties],
        EafPrices);

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values) =>
        SteelBuild.Run(values, Descriptor, "Steel, scrap EAF route", s =>
        {
            EafRoute.Add(s, s.Factor(Flows.DriKey));
            return SteelSteps.CastingAndProducts(s);
        });
}
