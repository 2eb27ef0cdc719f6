using System.Collections.Immutable;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Units;
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
    public TemplateDescriptor Descriptor { get; } = new(TemplateId, "Steel, scrap-based electric arc furnace route, cradle to gate", "1.0", Quantity.Of(1, Unit.Tonne), SystemBoundary.CradleToGate)
    {
        Description = "1 t of crude steel or a rolled or coated product from an electric arc furnace charged with scrap (and any bought pig iron or DRI): "
            + "EAF, secondary metallurgy and casting, rolling and coating. Direct CO2 by the EAF's carbon mass balance; grid electricity by China region and year; "
            + "bought items by factor key; sold slag and exported power credited (system expansion) or allocated; end-of-life scrap apart; CBAM tags.",
        Standards =
        [
            new TemplateStandard("GB/T 24067-2024 / ISO 14067:2018", "cradle-to-gate carbon footprint of products"),
            new TemplateStandard("IPCC 2006 Guidelines Vol. 3 Ch. 4", "Tier 2 carbon mass balance, Table 4.3 carbon contents; Table 4.1 EAF factor as a plausibility check"),
            new TemplateStandard("ISO 14044:2006", "cl. 4.3.4.2, co-products by system expansion"),
            new TemplateStandard("worldsteel LCI methodology report 2017", "Appendix 10, end-of-life value of scrap"),
            new TemplateStandard("EN 15804:2012+A2:2019", "cl. 6.4.3.2, economic allocation (the coProductMethod option)"),
            new TemplateStandard("Regulation (EU) 2023/956", "Annex IV, CBAM tags for specific embedded emissions"),
        ],
        Classification = SteelProduct.Classification,
    };

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } =
    [
        .. ContextGroup,
        EafScrap, EafPigIron, EafDriPurchased, EafElectrodes, EafChargeCarbon, EafNaturalGas, EafLimestone, EafDolomite, EafBurntLime, EafFerroalloys,
        EafOxygen, EafElectricity, EafSlagSold,
        .. CastingGroup,
        .. ProductStepsGroup,
        CarbonScrap, CarbonHotMetal, CarbonDri, CarbonElectrodes, CarbonChargeCarbon, CarbonLimestone, CarbonDolomite, CarbonCrudeSteel,
        NcvNaturalGas, CarbonPerEnergyNaturalGas,
        PriceLiquidSteel, PriceEafSlag, PriceCrudeSteel, PriceExportedElectricity, PriceExportedSteam,
        .. EndOfLifeGroup,
    ];

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var s = new SteelSystem(values, "Steel, scrap EAF route");
        EafRoute.Add(s, s.Factor(Flows.DriKey));
        SteelSteps.Casting(s);
        return SteelBuild.Finish(s, Descriptor, SteelSteps.Products(s));
    }
}
