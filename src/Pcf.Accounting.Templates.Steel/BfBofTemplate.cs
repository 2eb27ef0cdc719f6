using System.Collections.Immutable;
using Pcf.Accounting.Templates.Cbam;
using Pcf.Accounting.Validation;
using static Pcf.Accounting.Templates.Steel.SteelParameters;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>Steel by the integrated blast furnace - basic oxygen furnace route: coke oven, sinter plant, pellet plant (or bought
/// pellets), blast furnace, BOF, secondary metallurgy and casting, and the product steps (hot-rolled coil, plate, wire rod;
/// cold-rolled and coated coil). Declared unit: 1 t of crude steel or of the named product, cradle to gate.</summary>
/// <remarks>
/// <para>Each step's direct CO2 is its carbon mass balance (IPCC 2006 Vol. 3 Ch. 4, Tier 2): carbon in with the coal, coke,
/// gas, fluxes and iron entering, less carbon out in the product and the gases leaving the site, × 44/12; each amount and carbon
/// content is an input of the derivation, so <c>pcf explain</c> shows the arithmetic. Process gases used on the site are
/// counted where they are made (their carbon stays in the generating step's balance); gases leaving the site leave it.</para>
/// <para>Co-products: by system expansion (default) the exported gases burn in the receiving power plant, whose electricity
/// displaces grid power; exported power, steam and sold slag displace their products; each credit is a signed line of its
/// own (view <c>steel-co-products</c>). With <c>coProductMethod = economic-allocation</c> each step shares its burden by revenue.
/// The end-of-life scrap credit is a separate view (<c>steel-end-of-life</c>), never in the total.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class BfBofTemplate : ITemplate
{
    /// <summary>The template's id.</summary>
    public const string TemplateId = "steel/bf-bof";

    /// <inheritdoc/>
    public TemplateDescriptor Descriptor { get; } = SteelBuild.Descriptor(TemplateId, "Steel, integrated BF-BOF route, cradle to gate",
        "1 t of crude steel, hot-rolled coil, plate, wire rod, cold-rolled or coated coil from an integrated site: coke oven, sinter plant, "
            + "pellet plant or bought pellets, blast furnace, basic oxygen furnace, secondary metallurgy and casting, rolling and coating. Direct CO2 by each "
            + "step's carbon mass balance; upstream of bought items by factor key; co-products by system expansion (credits on their own lines) or economic "
            + "allocation; end-of-life scrap apart; CBAM tags. GB/T 47064-2026 and T/CISA 469-2024 follow the same ISO 14404 / worldsteel approach; their "
            + "clause-level rules were not available and are not claimed. Site gases used internally are counted where they are made; tar and benzole "
            + "carry their carbon out without a credit; CH4 and N2O of combustion are not counted.",
        "Tier 2 carbon mass balance (Eq. 4.9 family), Table 4.3 carbon contents; Table 4.1 Tier 1 factors as a plausibility check",
        "system expansion for co-products; Appendix 10, end-of-life value of scrap");

    /// <inheritdoc/>
    public ImmutableArray<TemplateParameter> Parameters { get; } = SteelBuild.Parameters(
        [
            CokeOnSite, CokingCoal, CokeOvenNaturalGas, CokeOvenByProducts, CokeOvenGasExported, CokeOvenElectricity,
            SinterIronOre, SinterCokeBreeze, SinterCoal, SinterNaturalGas, SinterLimestone, SinterDolomite, SinterElectricity,
            PelletsOnSite, PelletIronOre, PelletCoal, PelletNaturalGas, PelletLimestone, PelletDolomite, PelletElectricity,
            BfSinter, BfPellets, BfLumpOre, BfCoke, BfPciCoal, BfNaturalGas, BfLimestone, BfDolomite, BfOxygen, BfElectricity, BfGasExported, BfSlagSold,
            BofHotMetal, BofScrap, BofBurntLime, BofDolomite, BofFerroalloys, BofOxygen, BofNaturalGas, BofElectricity, BofGasExported, BofSlagSold,
        ],
        [CarbonCoke, CarbonCokingCoal, CarbonLimestone, CarbonDolomite, CarbonHotMetal, CarbonCrudeSteel, CarbonScrap, CarbonCoalTar, .. GasAndCoalProperties],
        [
            PriceCoke, PriceCokeOvenGas, PriceHotMetal, PriceBfGas, PriceBfSlag, PriceLiquidSteel, PriceBofGas, PriceBofSlag, PriceCrudeSteel,
            PriceExportedElectricity, PriceExportedSteam,
        ]);

    /// <inheritdoc/>
    public ValidationResult<TemplateBuild> Build(TemplateValues values) => SteelBuild.Run(values, Descriptor, "Steel, integrated BF-BOF route", Steps);

    /// <summary>The route's steps, from the coke oven to the product; then the plausibility checks.</summary>
    private static string Steps(SteelSystem s)
    {
        var values = s.Values;
        var ng = s.Factor(Flows.NaturalGasKey);
        bool cokeOnSite = values.Flag(CokeOnSite.Name);
        bool pelletsOnSite = values.Flag(PelletsOnSite.Name) && s.Number(BfPellets.Name) > 0;
        bool sinterUsed = s.Number(BfSinter.Name) > 0;

        // Coke oven (per t coke): coking coal in; coke, tar and benzole, and exported coke-oven gas out.
        CarbonBalance? coke = null;
        if (cokeOnSite && s.Require(CokingCoal.Name, "when coke is made on site (cokeOnSite)") & s.Require(CokeOvenElectricity.Name, "when coke is made on site (cokeOnSite)"))
        {
            bool coProducts = s.Number(CokeOvenGasExported.Name) > 0;
            s.Process("coke-oven", "Coke oven", p =>
            {
                s.Produces(p, "coke", "Coke", PriceCoke.Name, coProducts && !s.SystemExpansion);
                s.Consume(p, "Coke oven", "coking-coal", CokingCoal.Name, s.Factor(Flows.CokingCoalKey));
                s.Consume(p, "Coke oven", "natural-gas", CokeOvenNaturalGas.Name, ng);
                s.ConsumeElectricity(p, "Coke oven", CokeOvenElectricity.Name);
                coke = s.Balance(p, "coke-oven", "Coke oven", CokingCoal.Name,
                    [s.Term(CokingCoal.Name, "m_cc", CarbonCokingCoal.Name, "C_cc"), s.Term(CokeOvenNaturalGas.Name, "V_ng", s.NaturalGasContent())],
                    [s.ProductTerm(CarbonCoke.Name, "C_coke"), s.Term(CokeOvenByProducts.Name, "m_tar", CarbonCoalTar.Name, "C_tar"), s.Term(CokeOvenGasExported.Name, "V_cog", s.CokeOvenGasContent())]);
                s.ExportedGas(p, "Coke oven", "coke-oven-gas", "coke-oven gas", CokeOvenGasExported.Name, s.CokeOvenGasContent(), NcvCokeOvenGas.Name, PriceCokeOvenGas.Name);
                p.Tagged(CbamTags.Precursor("coke"))
                    .AsPrimaryData(s.Primary(CokingCoal.Name, CokeOvenNaturalGas.Name, CokeOvenByProducts.Name, CokeOvenGasExported.Name, CokeOvenElectricity.Name));
            });
        }

        var cokeSupply = cokeOnSite ? null : s.Factor(Flows.CokeKey);

        // Sinter plant (per t sinter): coke breeze, coal, gas and fluxes burn or calcine; sinter carries no carbon out.
        CarbonBalance? sinter = null;
        string[] sinterParameters = [SinterIronOre.Name, SinterCokeBreeze.Name, SinterLimestone.Name, SinterDolomite.Name, SinterElectricity.Name];
        if (sinterUsed && sinterParameters.Select(n => s.Require(n, "when the blast furnace takes sinter (bfSinter > 0)")).ToArray().All(ok => ok))
        {
            s.Process("sinter-plant", "Sinter plant", p =>
            {
                s.Produces(p, "sinter", "Sinter", string.Empty, hasCoProducts: false);
                s.Consume(p, "Sinter plant", "iron-ore", SinterIronOre.Name, s.Factor(Flows.IronOreKey));
                s.Consume(p, "Sinter plant", "coke", SinterCokeBreeze.Name, cokeSupply);
                s.Consume(p, "Sinter plant", "coal", SinterCoal.Name, s.Factor(Flows.CoalKey));
                s.Consume(p, "Sinter plant", "natural-gas", SinterNaturalGas.Name, ng);
                s.Consume(p, "Sinter plant", "limestone", SinterLimestone.Name, s.Factor(Flows.LimestoneKey));
                s.Consume(p, "Sinter plant", "dolomite", SinterDolomite.Name, s.Factor(Flows.DolomiteKey));
                s.ConsumeElectricity(p, "Sinter plant", SinterElectricity.Name);
                sinter = s.Balance(p, "sinter-plant", "Sinter plant", SinterCokeBreeze.Name,
                [
                    s.Term(SinterCokeBreeze.Name, "m_breeze", CarbonCoke.Name, "C_coke"), s.Term(SinterCoal.Name, "m_coal", s.CoalContent()),
                    s.Term(SinterNaturalGas.Name, "V_ng", s.NaturalGasContent()), s.Term(SinterLimestone.Name, "m_L", CarbonLimestone.Name, "C_L"),
                    s.Term(SinterDolomite.Name, "m_D", CarbonDolomite.Name, "C_D"),
                ], []);
                p.Tagged(CbamTags.Precursor("sinter")).AsPrimaryData(s.Primary([.. sinterParameters, SinterCoal.Name, SinterNaturalGas.Name]));
            });
        }

        // Pellet plant (per t pellets), when pellets are made on site; else bought.
        CarbonBalance? pellets = null;
        if (pelletsOnSite && s.Require(PelletIronOre.Name, "when pellets are made on site (pelletsOnSite)") & s.Require(PelletElectricity.Name, "when pellets are made on site (pelletsOnSite)"))
        {
            s.Process("pellet-plant", "Pellet plant", p =>
            {
                s.Produces(p, "pellets", "Iron ore pellets", string.Empty, hasCoProducts: false);
                s.Consume(p, "Pellet plant", "iron-ore", PelletIronOre.Name, s.Factor(Flows.IronOreKey));
                s.Consume(p, "Pellet plant", "coal", PelletCoal.Name, s.Factor(Flows.CoalKey));
                s.Consume(p, "Pellet plant", "natural-gas", PelletNaturalGas.Name, ng);
                s.Consume(p, "Pellet plant", "limestone", PelletLimestone.Name, s.Factor(Flows.LimestoneKey));
                s.Consume(p, "Pellet plant", "dolomite", PelletDolomite.Name, s.Factor(Flows.DolomiteKey));
                s.ConsumeElectricity(p, "Pellet plant", PelletElectricity.Name);
                pellets = s.Balance(p, "pellet-plant", "Pellet plant", PelletCoal.Name,
                [
                    s.Term(PelletCoal.Name, "m_coal", s.CoalContent()), s.Term(PelletNaturalGas.Name, "V_ng", s.NaturalGasContent()),
                    s.Term(PelletLimestone.Name, "m_L", CarbonLimestone.Name, "C_L"), s.Term(PelletDolomite.Name, "m_D", CarbonDolomite.Name, "C_D"),
                ], []);
                p.Tagged(CbamTags.Precursor("pellets"))
                    .AsPrimaryData(s.Primary(PelletIronOre.Name, PelletCoal.Name, PelletNaturalGas.Name, PelletLimestone.Name, PelletDolomite.Name, PelletElectricity.Name));
            });
        }

        // Blast furnace (per t hot metal): coke, coal, gas and fluxes in; hot metal and exported gas out.
        CarbonBalance? furnace = null;
        bool bfCoProducts = s.Number(BfGasExported.Name) > 0 || s.Number(BfSlagSold.Name) > 0;
        s.Process("blast-furnace", "Blast furnace", p =>
        {
            s.Produces(p, "hot-metal", "Hot metal", PriceHotMetal.Name, bfCoProducts);
            s.Consume(p, "Blast furnace", "sinter", BfSinter.Name);
            s.Consume(p, "Blast furnace", "pellets", BfPellets.Name, pelletsOnSite ? null : s.Factor(Flows.PelletsKey));
            s.Consume(p, "Blast furnace", "iron-ore", BfLumpOre.Name, s.Factor(Flows.IronOreKey));
            s.Consume(p, "Blast furnace", "coke", BfCoke.Name, cokeSupply);
            s.Consume(p, "Blast furnace", "coal", BfPciCoal.Name, s.Factor(Flows.CoalKey));
            s.Consume(p, "Blast furnace", "natural-gas", BfNaturalGas.Name, ng);
            s.Consume(p, "Blast furnace", "limestone", BfLimestone.Name, s.Factor(Flows.LimestoneKey));
            s.Consume(p, "Blast furnace", "dolomite", BfDolomite.Name, s.Factor(Flows.DolomiteKey));
            s.Consume(p, "Blast furnace", "oxygen", BfOxygen.Name, s.Factor(Flows.OxygenKey));
            s.ConsumeElectricity(p, "Blast furnace", BfElectricity.Name);
            furnace = s.Balance(p, "blast-furnace", "Blast furnace", BfGasExported.Name,
            [
                s.Term(BfCoke.Name, "m_coke", CarbonCoke.Name, "C_coke"), s.Term(BfPciCoal.Name, "m_pci", s.CoalContent()),
                s.Term(BfNaturalGas.Name, "V_ng", s.NaturalGasContent()), s.Term(BfLimestone.Name, "m_L", CarbonLimestone.Name, "C_L"),
                s.Term(BfDolomite.Name, "m_D", CarbonDolomite.Name, "C_D"),
            ],
            [s.ProductTerm(CarbonHotMetal.Name, "C_hm"), s.Term(BfGasExported.Name, "V_bfg", s.BfGasContent())]);
            s.ExportedGas(p, "Blast furnace", "bf-gas", "blast-furnace gas", BfGasExported.Name, s.BfGasContent(), NcvBfGas.Name, PriceBfGas.Name);
            s.CoProduct(p, "Blast furnace", "bf-slag", BfSlagSold.Name, s.Factor(Flows.BfSlagCreditKey), PriceBfSlag.Name);
            p.Tagged(CbamTags.Precursor("pig-iron")).AsPrimaryData(s.Primary(BfSinter.Name, BfPellets.Name, BfLumpOre.Name, BfCoke.Name, BfPciCoal.Name,
                BfNaturalGas.Name, BfLimestone.Name, BfDolomite.Name, BfOxygen.Name, BfElectricity.Name, BfGasExported.Name, BfSlagSold.Name));
        });

        // Basic oxygen furnace (per t liquid steel): hot metal, scrap, fluxes in; liquid steel and exported gas out.
        var scrap = SteelSteps.Scrap(s, BofScrap.Name);
        CarbonBalance? bof = null;
        bool bofCoProducts = s.Number(BofGasExported.Name) > 0 || s.Number(BofSlagSold.Name) > 0;
        s.Process("bof", "Basic oxygen furnace", p =>
        {
            s.Produces(p, "liquid-steel", "Liquid steel", PriceLiquidSteel.Name, bofCoProducts);
            s.Consume(p, "BOF", "hot-metal", BofHotMetal.Name);
            s.Consume(p, "BOF", "scrap", BofScrap.Name, scrap);
            s.Consume(p, "BOF", "burnt-lime", BofBurntLime.Name, s.Factor(Flows.BurntLimeKey));
            s.Consume(p, "BOF", "dolomite", BofDolomite.Name, s.Factor(Flows.DolomiteKey));
            s.Consume(p, "BOF", "ferroalloys", BofFerroalloys.Name, s.Factor(Flows.FerroalloysKey));
            s.Consume(p, "BOF", "oxygen", BofOxygen.Name, s.Factor(Flows.OxygenKey));
            s.Consume(p, "BOF", "natural-gas", BofNaturalGas.Name, ng);
            s.ConsumeElectricity(p, "BOF", BofElectricity.Name);
            bof = s.Balance(p, "bof", "BOF", BofGasExported.Name,
            [
                s.Term(BofHotMetal.Name, "m_hm", CarbonHotMetal.Name, "C_hm"), s.Term(BofScrap.Name, "m_scrap", CarbonScrap.Name, "C_scrap"),
                s.Term(BofDolomite.Name, "m_D", CarbonDolomite.Name, "C_D"), s.Term(BofNaturalGas.Name, "V_ng", s.NaturalGasContent()),
            ],
            [s.ProductTerm(CarbonCrudeSteel.Name, "C_steel"), s.Term(BofGasExported.Name, "V_bofg", s.BofGasContent())]);
            s.ExportedGas(p, "BOF", "bof-gas", "converter gas", BofGasExported.Name, s.BofGasContent(), NcvBofGas.Name, PriceBofGas.Name);
            s.CoProduct(p, "BOF", "bof-slag", BofSlagSold.Name, s.Factor(Flows.BofSlagCreditKey), PriceBofSlag.Name);
            p.Tagged(SteelSteps.CrudeSteelRole(s)).AsPrimaryData(s.Primary(BofHotMetal.Name, BofScrap.Name, BofBurntLime.Name, BofDolomite.Name, BofFerroalloys.Name,
                BofOxygen.Name, BofNaturalGas.Name, BofElectricity.Name, BofGasExported.Name, BofSlagSold.Name));
        });

        string product = SteelSteps.CastingAndProducts(s);

        // Plausibility against IPCC Tier 1 (Table 4.1): each step, and the iron and steel making per t of liquid steel.
        if (coke is not null)
        {
            s.Plausible(CokingCoal.Name, "Coke oven", coke.TonnesCo2PerTonne, SteelTier1.Coke, SteelTier1.Source);
        }

        if (sinter is not null)
        {
            s.Plausible(SinterCokeBreeze.Name, "Sinter plant", sinter.TonnesCo2PerTonne, SteelTier1.Sinter, SteelTier1.Source);
        }

        if (furnace is not null)
        {
            s.Plausible(BfCoke.Name, "Blast furnace (pig iron)", furnace.TonnesCo2PerTonne, SteelTier1.PigIron, SteelTier1.Source);
        }

        if (furnace is not null && bof is not null)
        {
            s.Plausible(BofHotMetal.Name, "Blast furnace and BOF per t of liquid steel", bof.TonnesCo2PerTonne + s.Number(BofHotMetal.Name) * furnace.TonnesCo2PerTonne,
                SteelTier1.Bof, SteelTier1.Source);
        }

        return product;
    }
}
