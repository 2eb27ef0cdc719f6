using System.Collections.Immutable;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Templates.Steel.SteelParameters;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>Steel by direct reduction and electric arc furnace: a shaft furnace reducing pellets with natural gas or hydrogen,
/// the EAF (DRI with any scrap), secondary metallurgy, casting and the product steps. Declared unit: 1 t of crude steel or of
/// the named product, cradle to gate.</summary>
/// <remarks>
/// <para>Both furnaces' direct CO2 are carbon mass balances (IPCC 2006 Vol. 3 Ch. 4, Tier 2). In the shaft furnace natural gas
/// brings carbon in and the DRI carries some out; with hydrogen, only the natural gas still fired brings carbon (state the
/// carbon of your DRI: the IPCC default 0.02 is for gas-based DRI). Hydrogen comes with its factor (key
/// <c>material/hydrogen</c>), pellets with theirs (<c>material/iron-ore-pellets</c>).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DriEafTemplate : ITemplate
{
    /// <summary>The template's id.</summary>
    public const string TemplateId = "steel/dri-eaf";

    /// <inheritdoc/>
    public TemplateDescriptor Descriptor { get; } = SteelBuild.Descriptor(TemplateId, "Steel, direct reduction (natural gas or hydrogen) and electric arc furnace, cradle to gate",
        "1 t of crude steel or a rolled or coated product from DRI made on site (shaft furnace with natural gas or hydrogen) melted with any scrap "
            + "in an electric arc furnace: DRI plant, EAF, secondary metallurgy and casting, rolling and coating. Direct CO2 by carbon mass balances; "
            + "grid electricity by China region and year; pellets and hydrogen by factor key; co-products credited or allocated; end-of-life scrap apart; CBAM tags.",
        "Tier 2 carbon mass balance, Table 4.3 carbon contents; Table 4.1 DRI and EAF factors as plausibility checks",
        "Appendix 10, end-of-life value of scrap");

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } = SteelBuild.Parameters(
        [DriReductant, DriPellets, DriNaturalGas, DriHydrogen, DriElectricity, EafDriOnSite, EafScrapWithDri, EafPigIron, .. EafFurnaceGroup],
        [CarbonDri, CarbonScrap, CarbonHotMetal, .. EafFurnaceProperties],
        EafPrices);

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values) => SteelBuild.Run(values, Descriptor, "Steel, DRI-EAF route", s =>
    {
        bool hydrogen = s.Values.Choice(DriReductant.Name) == "hydrogen";
        bool ok = hydrogen
            ? s.Require(DriHydrogen.Name, "for hydrogen-based direct reduction (driReductant = hydrogen)")
            : s.Require(DriNaturalGas.Name, "for gas-based direct reduction (driReductant = natural-gas)");
        if (ok)
        {
            CarbonBalance? balance = null;
            s.Process("dri-plant", hydrogen ? "Direct reduction, hydrogen" : "Direct reduction, natural gas", p =>
            {
                s.Produces(p, "dri", "Direct reduced iron", string.Empty, hasCoProducts: false, CbamTags.Precursor("dri"));
                s.Consume(p, "DRI plant", "pellets", DriPellets.Name, s.Factor(Flows.PelletsKey));
                s.Consume(p, "DRI plant", "natural-gas", DriNaturalGas.Name, s.Factor(Flows.NaturalGasKey));
                s.Consume(p, "DRI plant", "hydrogen", DriHydrogen.Name, s.Factor(Flows.HydrogenKey));
                s.ConsumeElectricity(p, "DRI plant", DriElectricity.Name);
                var gas = s.Values.Has(DriNaturalGas.Name) ? DriNaturalGas.Name : null;
                balance = s.Balance(p, "dri-plant", "DRI plant", gas ?? CarbonDri.Name,
                    gas is null ? [] : [s.Term(gas, "V_ng", s.NaturalGasContent())],
                    [s.ProductTerm(CarbonDri.Name, "C_dri")]);
                p.Tagged(CbamTags.Precursor("dri")).AsPrimaryData(s.Primary(DriPellets.Name, hydrogen ? DriHydrogen.Name : DriNaturalGas.Name, DriElectricity.Name));
            });
            if (balance is not null && !hydrogen)
            {
                s.Plausible(DriNaturalGas.Name, "DRI plant", balance.TonnesCo2PerTonne, SteelTier1.Dri, SteelTier1.Source);
            }
        }

        EafRoute.Add(s, null);
        return SteelSteps.CastingAndProducts(s);
    });
}
