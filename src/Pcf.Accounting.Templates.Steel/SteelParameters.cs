using System.Collections.Immutable;
using static Pcf.Accounting.Templates.Steel.SteelSources;

namespace Pcf.Accounting.Templates.Steel;

/// <summary>The parameters of the steel templates, shared between routes: each with its unit, allowed range, and its default
/// with the default's source where one is published.</summary>
/// <remarks>Amounts are per tonne of the step's own product (per t of coke, sinter, hot metal, liquid steel, crude steel or
/// rolled product), as a site records them. Carbon contents default to IPCC 2006 Table 4.3; gases and coal to the NDRC
/// guideline values (net calorific value times carbon per energy), because Chinese sites meter gases in Nm3.</remarks>
internal static class SteelParameters
{
    // ---- helpers ---------------------------------------------------------------------------------------------------

    /// <summary>A site-measured amount with no default: the template cannot run without it.</summary>
    private static TemplateParameter Site(string name, string unit, string description, double max, double min = 0) =>
        TemplateParameter.Number(name, unit, description, min, max) with { IsSiteData = true };

    /// <summary>A site-measured amount that is needed only in some configurations (checked by the template).</summary>
    private static TemplateParameter SiteIfUsed(string name, string unit, string description, double max, double min = 0) =>
        TemplateParameter.Number(name, unit, description, min, max) with { IsSiteData = true, IsOptional = true };

    /// <summary>A site-measured amount that is zero unless stated.</summary>
    private static TemplateParameter SiteOrZero(string name, string unit, string description, double max) =>
        TemplateParameter.Number(name, unit, description, 0, max).WithDefault(0, NoneUnlessStated) with { IsSiteData = true };

    /// <summary>A carbon content or fuel property with a published default.</summary>
    private static TemplateParameter Content(string name, string unit, string description, double value, string source, double max) =>
        TemplateParameter.Number(name, unit, description, 0, max).WithDefault(value, source) with { IsSiteData = true };

    private static TemplateParameter Price(string name, string per) =>
        TemplateParameter.Number(name, "1", $"Price per {per}, in the parameter 'currency' (economic allocation only).", 0, 1e9) with { IsOptional = true };

    // ---- context ---------------------------------------------------------------------------------------------------

    public static readonly TemplateParameter Product = TemplateParameter.Choice("product",
            "The declared product, 1 t of: crude steel (cast slab, billet or bloom), hot-rolled coil, plate or wire rod (hot rolling on top of crude steel), cold-rolled coil (cold rolling on top of hot-rolled coil), or coated coil (hot-dip coating on top of cold-rolled coil).",
            SteelProduct.All.Select(p => p.Id).ToArray())
        .WithDefault(SteelProduct.CrudeSteel.Id, TemplateChoice);

    public static readonly TemplateParameter Region = TemplateParameter.Text("region",
            "Where the site draws grid power: CN, a regional grid (CN-GRID-NORTH, CN-GRID-EAST, CN-GRID-CENTRAL, CN-GRID-NORTHEAST, CN-GRID-NORTHWEST, CN-GRID-SOUTH, CN-GRID-SOUTHWEST) or a province (CN-HE, CN-JS, ...); factors fall back from province to grid to CN, and the fallback is recorded.")
        .WithDefault("CN", TemplateChoice);

    public static readonly TemplateParameter Year = TemplateParameter.Number("year", "1", "Reference year of the grid electricity factor (a whole year; an earlier published year stands in when the year has none, recorded as a fallback).", 2000, 2100)
        .WithDefault(2023, "latest year of China's published grid factors: " + GridLifeCycle);

    public static readonly TemplateParameter ElectricityBasis = TemplateParameter.Choice("electricityBasis",
            "Grid electricity factor: life-cycle (key electricity/grid, cradle to gate, as GB/T 24067 and ISO 14067 ask; China publishes it nationally) or combustion (key electricity/grid/combustion, generation CO2 only, by grid region and province: enterprise inventories and CBAM).",
            "life-cycle", "combustion")
        .WithDefault("life-cycle", GridLifeCycle);

    public static readonly TemplateParameter CoProductMethod = TemplateParameter.Choice("coProductMethod",
            "How co-products (exported process gases, power and steam, sold slag) are handled: system-expansion (each co-product displaces a product made elsewhere and that product's footprint is a credit on its own line; " + SystemExpansion + ") or economic-allocation (each step's burden shared by revenue; " + EconomicAllocation + ").",
            "system-expansion", "economic-allocation")
        .WithDefault("system-expansion", SystemExpansion);

    public static readonly TemplateParameter Currency = TemplateParameter.Text("currency", "ISO 4217 code of the prices used by economic allocation, such as CNY.")
        .WithDefault("CNY", TemplateChoice);

    public static readonly TemplateParameter ScrapFactorKey = TemplateParameter.Text("scrapFactorKey",
            "Factor key of purchased scrap (collection and preparation), if the scrap is to carry a burden; without it scrap enters burden-free (cut-off at the scrap yard) and its recycling is shown in the end-of-life view only.")
        with { IsOptional = true };

    public static readonly TemplateParameter ExportPowerEfficiency = TemplateParameter.Number("exportPowerEfficiency", "%",
            "Net electrical efficiency of the power plant that burns process gases exported from the site (system expansion): electricity delivered per energy of gas burned. Needed when any gas is exported.", 1, 70)
        with { IsSiteData = true, IsOptional = true };

    // ---- carbon contents and fuel properties ------------------------------------------------------------------------

    public static readonly TemplateParameter CarbonCoke = Content("carbonCoke", "t/t", "Carbon content of coke (and coke breeze).", 0.83, IpccTable43 + ": coke 0.83 kg C/kg [V]", 1);
    public static readonly TemplateParameter CarbonCokingCoal = Content("carbonCokingCoal", "t/t", "Carbon content of coking coal.", 0.73, IpccTable43 + ": coking coal 0.73 kg C/kg [U]", 1);
    public static readonly TemplateParameter CarbonLimestone = Content("carbonLimestone", "t/t", "Carbon content of limestone.", 0.12, IpccTable43 + ": limestone 0.12 kg C/kg [V]", 0.2);
    public static readonly TemplateParameter CarbonDolomite = Content("carbonDolomite", "t/t", "Carbon content of dolomite.", 0.13, IpccTable43 + ": dolomite 0.13 kg C/kg [V]", 0.2);
    public static readonly TemplateParameter CarbonElectrodes = Content("carbonElectrodes", "t/t", "Carbon content of EAF electrodes.", 0.82, IpccTable43 + ": EAF carbon electrodes 0.82 kg C/kg [V]", 1);
    public static readonly TemplateParameter CarbonChargeCarbon = Content("carbonChargeCarbon", "t/t", "Carbon content of EAF charge and injection carbon.", 0.83, IpccTable43 + ": EAF charge carbon 0.83 kg C/kg [U]", 1);
    public static readonly TemplateParameter CarbonHotMetal = Content("carbonHotMetal", "t/t", "Carbon content of hot metal (pig iron), made or purchased.", 0.04, IpccTable43 + ": purchased pig iron / iron 0.04 kg C/kg [S: GHG Protocol iron and steel tool default]", 0.1);
    public static readonly TemplateParameter CarbonCrudeSteel = Content("carbonCrudeSteel", "t/t", "Carbon content of the steel made (liquid and crude steel).", 0.01, IpccTable43 + ": steel 0.01 kg C/kg [S: GHG Protocol iron and steel tool default]", 0.05);
    public static readonly TemplateParameter CarbonScrap = Content("carbonScrap", "t/t", "Carbon content of steel scrap charged.", 0.01, IpccTable43 + ": the steel value 0.01 kg C/kg [S] applied to steel scrap (a template choice; the table is recalled to list scrap iron at 0.04 [U])", 0.05);
    public static readonly TemplateParameter CarbonDri = Content("carbonDri", "t/t", "Carbon content of direct reduced iron, made or purchased (gas-based DRI; hydrogen-reduced DRI carries less: state yours).", 0.02, IpccTable43 + ": DRI 0.02 kg C/kg [U]", 0.1);
    public static readonly TemplateParameter CarbonCoalTar = Content("carbonCoalTar", "t/t", "Carbon content of the coke-oven by-products carried away (tar, benzole).", 0.62, IpccTable43 + ": coal tar 0.62 kg C/kg [U]", 1);

    public static readonly TemplateParameter NcvCoal = Content("ncvCoal", "GJ/t", "Net calorific value of coal injected or fired (PCI, sinter and pellet coal, EAF coal).", 23.204, Ndrc + ": bituminous coal 23.204 GJ/t", 40);
    public static readonly TemplateParameter CarbonPerEnergyCoal = Content("carbonPerEnergyCoal", "kg/GJ", "Carbon per net energy of that coal.", 26.18, Ndrc + ": bituminous coal 0.02618 t C/GJ", 40);
    public static readonly TemplateParameter NcvNaturalGas = Content("ncvNaturalGas", "MJ/Nm3", "Net calorific value of natural gas.", 38.931, Ndrc + ": natural gas 389.31 GJ per 10^4 Nm3", 60);
    public static readonly TemplateParameter CarbonPerEnergyNaturalGas = Content("carbonPerEnergyNaturalGas", "kg/GJ", "Carbon per net energy of natural gas.", 15.3, Ndrc + ": natural gas 0.0153 t C/GJ", 40);
    public static readonly TemplateParameter NcvCokeOvenGas = Content("ncvCokeOvenGas", "MJ/Nm3", "Net calorific value of coke-oven gas.", 17.3854, Ndrc + ": coke-oven gas 173.854 GJ per 10^4 Nm3", 40);
    public static readonly TemplateParameter CarbonPerEnergyCokeOvenGas = Content("carbonPerEnergyCokeOvenGas", "kg/GJ", "Carbon per net energy of coke-oven gas.", 13.6, Ndrc + ": coke-oven gas 0.0136 t C/GJ", 150);
    public static readonly TemplateParameter NcvBfGas = Content("ncvBfGas", "MJ/Nm3", "Net calorific value of blast-furnace gas.", 3.769, Ndrc + ": blast-furnace gas 37.69 GJ per 10^4 Nm3", 10);
    public static readonly TemplateParameter CarbonPerEnergyBfGas = Content("carbonPerEnergyBfGas", "kg/GJ", "Carbon per net energy of blast-furnace gas (its CO2 included).", 70.8, Ndrc + ": blast-furnace gas 0.0708 t C/GJ", 150);
    public static readonly TemplateParameter NcvBofGas = Content("ncvBofGas", "MJ/Nm3", "Net calorific value of converter (BOF) gas.", 7.954, Ndrc + ": converter gas 79.54 GJ per 10^4 Nm3", 15);
    public static readonly TemplateParameter CarbonPerEnergyBofGas = Content("carbonPerEnergyBofGas", "kg/GJ", "Carbon per net energy of converter (BOF) gas.", 49.6, Ndrc + ": converter gas 0.0496 t C/GJ", 150);

    // ---- coke oven (per t coke) ---------------------------------------------------------------------------------------

    public static readonly TemplateParameter CokeOnSite = TemplateParameter.Flag("cokeOnSite", "Whether coke is made on site (coke oven modelled) or bought (factor key material/coke).").WithDefault(true, TemplateChoice);
    public static readonly TemplateParameter CokingCoal = SiteIfUsed("cokingCoal", "t/t", "Coking coal charged per t of coke (dry).", 2, 1);
    public static readonly TemplateParameter CokeOvenNaturalGas = SiteOrZero("cokeOvenNaturalGas", "Nm3/t", "Purchased natural gas for underfiring per t of coke (site gases are counted where they are made).", 300);
    public static readonly TemplateParameter CokeOvenByProducts = SiteOrZero("cokeOvenByProducts", "t/t", "Tar and benzole carried away per t of coke (their carbon leaves; none stated counts it as CO2, the conservative side).", 0.2);
    public static readonly TemplateParameter CokeOvenGasExported = SiteOrZero("cokeOvenGasExported", "Nm3/t", "Coke-oven gas leaving the site per t of coke (its carbon leaves the coke oven's balance).", 600);
    public static readonly TemplateParameter CokeOvenElectricity = SiteIfUsed("cokeOvenElectricity", "kWh/t", "Grid electricity per t of coke.", 300);

    // ---- sinter plant (per t sinter) ----------------------------------------------------------------------------------

    public static readonly TemplateParameter SinterIronOre = SiteIfUsed("sinterIronOre", "t/t", "Iron ore fines per t of sinter (factor key material/iron-ore).", 2);
    public static readonly TemplateParameter SinterCokeBreeze = SiteIfUsed("sinterCokeBreeze", "t/t", "Coke breeze per t of sinter.", 0.2);
    public static readonly TemplateParameter SinterCoal = SiteOrZero("sinterCoal", "t/t", "Coal (anthracite) fired per t of sinter.", 0.2);
    public static readonly TemplateParameter SinterNaturalGas = SiteOrZero("sinterNaturalGas", "Nm3/t", "Purchased natural gas (ignition) per t of sinter.", 50);
    public static readonly TemplateParameter SinterLimestone = SiteIfUsed("sinterLimestone", "t/t", "Limestone per t of sinter.", 0.5);
    public static readonly TemplateParameter SinterDolomite = SiteIfUsed("sinterDolomite", "t/t", "Dolomite per t of sinter.", 0.5);
    public static readonly TemplateParameter SinterElectricity = SiteIfUsed("sinterElectricity", "kWh/t", "Grid electricity per t of sinter.", 200);

    // ---- pellet plant (per t pellets) ---------------------------------------------------------------------------------

    public static readonly TemplateParameter PelletsOnSite = TemplateParameter.Flag("pelletsOnSite", "Whether pellets are made on site (pellet plant modelled) or bought (factor key material/iron-ore-pellets).").WithDefault(false, TemplateChoice);
    public static readonly TemplateParameter PelletIronOre = SiteIfUsed("pelletIronOre", "t/t", "Iron ore concentrate per t of pellets (factor key material/iron-ore).", 2);
    public static readonly TemplateParameter PelletCoal = SiteOrZero("pelletCoal", "t/t", "Coal fired per t of pellets.", 0.1);
    public static readonly TemplateParameter PelletNaturalGas = SiteOrZero("pelletNaturalGas", "Nm3/t", "Natural gas fired per t of pellets.", 100);
    public static readonly TemplateParameter PelletLimestone = SiteOrZero("pelletLimestone", "t/t", "Limestone per t of pellets.", 0.2);
    public static readonly TemplateParameter PelletDolomite = SiteOrZero("pelletDolomite", "t/t", "Dolomite per t of pellets.", 0.2);
    public static readonly TemplateParameter PelletElectricity = SiteIfUsed("pelletElectricity", "kWh/t", "Grid electricity per t of pellets.", 200);

    // ---- blast furnace (per t hot metal) -----------------------------------------------------------------------------

    public static readonly TemplateParameter BfSinter = Site("bfSinter", "t/t", "Sinter per t of hot metal (from the sinter plant).", 2.5);
    public static readonly TemplateParameter BfPellets = SiteOrZero("bfPellets", "t/t", "Pellets per t of hot metal.", 2.5);
    public static readonly TemplateParameter BfLumpOre = SiteOrZero("bfLumpOre", "t/t", "Lump ore per t of hot metal (factor key material/iron-ore).", 2.5);
    public static readonly TemplateParameter BfCoke = Site("bfCoke", "t/t", "Coke (dry) per t of hot metal.", 1);
    public static readonly TemplateParameter BfPciCoal = Site("bfPciCoal", "t/t", "Pulverized coal injected per t of hot metal.", 0.4);
    public static readonly TemplateParameter BfNaturalGas = SiteOrZero("bfNaturalGas", "Nm3/t", "Natural gas injected or fired per t of hot metal.", 200);
    public static readonly TemplateParameter BfLimestone = SiteOrZero("bfLimestone", "t/t", "Limestone charged directly per t of hot metal.", 0.3);
    public static readonly TemplateParameter BfDolomite = SiteOrZero("bfDolomite", "t/t", "Dolomite charged directly per t of hot metal.", 0.3);
    public static readonly TemplateParameter BfOxygen = SiteOrZero("bfOxygen", "Nm3/t", "Purchased oxygen per t of hot metal (factor key material/oxygen; oxygen from the site's own air separation is in its electricity).", 200);
    public static readonly TemplateParameter BfElectricity = Site("bfElectricity", "kWh/t", "Grid electricity per t of hot metal.", 300);
    public static readonly TemplateParameter BfGasExported = SiteOrZero("bfGasExported", "Nm3/t", "Blast-furnace gas leaving the site per t of hot metal (gas used on site stays in the furnace's balance).", 2500);
    public static readonly TemplateParameter BfSlagSold = SiteOrZero("bfSlagSold", "t/t", "Blast-furnace slag sold (to cement) per t of hot metal; credited with factor key credit/bf-slag, or allocated.", 0.6);

    // ---- basic oxygen furnace (per t liquid steel) -------------------------------------------------------------------

    public static readonly TemplateParameter BofHotMetal = Site("bofHotMetal", "t/t", "Hot metal per t of liquid steel.", 1.2);
    public static readonly TemplateParameter BofScrap = Site("bofScrap", "t/t", "Steel scrap per t of liquid steel.", 0.6);
    public static readonly TemplateParameter BofBurntLime = Site("bofBurntLime", "t/t", "Burnt lime bought per t of liquid steel (factor key material/burnt-lime).", 0.2);
    public static readonly TemplateParameter BofDolomite = SiteOrZero("bofDolomite", "t/t", "Raw dolomite per t of liquid steel.", 0.1);
    public static readonly TemplateParameter BofFerroalloys = SiteOrZero("bofFerroalloys", "t/t", "Ferroalloys per t of liquid steel (factor key material/ferroalloys; their carbon is not counted).", 0.05);
    public static readonly TemplateParameter BofOxygen = SiteOrZero("bofOxygen", "Nm3/t", "Purchased oxygen per t of liquid steel (factor key material/oxygen).", 100);
    public static readonly TemplateParameter BofNaturalGas = SiteOrZero("bofNaturalGas", "Nm3/t", "Natural gas per t of liquid steel.", 50);
    public static readonly TemplateParameter BofElectricity = Site("bofElectricity", "kWh/t", "Grid electricity per t of liquid steel.", 200);
    public static readonly TemplateParameter BofGasExported = SiteOrZero("bofGasExported", "Nm3/t", "Converter gas leaving the site per t of liquid steel.", 200);
    public static readonly TemplateParameter BofSlagSold = SiteOrZero("bofSlagSold", "t/t", "Converter slag sold per t of liquid steel; credited with factor key credit/bof-slag, or allocated.", 0.3);

    // ---- electric arc furnace (per t liquid steel) -------------------------------------------------------------------

    public static readonly TemplateParameter EafScrap = Site("eafScrap", "t/t", "Steel scrap per t of liquid steel.", 1.3);
    public static readonly TemplateParameter EafPigIron = SiteOrZero("eafPigIron", "t/t", "Pig iron bought per t of liquid steel (factor key material/pig-iron).", 1);
    public static readonly TemplateParameter EafDriPurchased = SiteOrZero("eafDri", "t/t", "DRI or HBI bought per t of liquid steel (factor key material/dri).", 1.3);
    public static readonly TemplateParameter EafDriOnSite = Site("eafDri", "t/t", "DRI from the site's direct reduction plant per t of liquid steel.", 1.3);
    public static readonly TemplateParameter EafScrapWithDri = SiteOrZero("eafScrap", "t/t", "Steel scrap per t of liquid steel.", 1.3);
    public static readonly TemplateParameter EafElectrodes = Site("eafElectrodes", "kg/t", "Graphite electrodes consumed per t of liquid steel (factor key material/graphite-electrodes).", 10);
    public static readonly TemplateParameter EafChargeCarbon = Site("eafChargeCarbon", "kg/t", "Charge and injection carbon per t of liquid steel (upstream as industrial coal).", 60);
    public static readonly TemplateParameter EafNaturalGas = SiteOrZero("eafNaturalGas", "Nm3/t", "Natural gas (burners) per t of liquid steel.", 50);
    public static readonly TemplateParameter EafLimestone = SiteOrZero("eafLimestone", "kg/t", "Limestone per t of liquid steel.", 100);
    public static readonly TemplateParameter EafDolomite = SiteOrZero("eafDolomite", "kg/t", "Raw dolomite per t of liquid steel.", 100);
    public static readonly TemplateParameter EafBurntLime = Site("eafBurntLime", "kg/t", "Burnt lime bought per t of liquid steel (factor key material/burnt-lime).", 150);
    public static readonly TemplateParameter EafFerroalloys = SiteOrZero("eafFerroalloys", "kg/t", "Ferroalloys per t of liquid steel (factor key material/ferroalloys; their carbon is not counted).", 50);
    public static readonly TemplateParameter EafOxygen = SiteOrZero("eafOxygen", "Nm3/t", "Purchased oxygen per t of liquid steel (factor key material/oxygen).", 100);
    public static readonly TemplateParameter EafElectricity = Site("eafElectricity", "kWh/t", "Grid electricity per t of liquid steel.", 1000);
    public static readonly TemplateParameter EafSlagSold = SiteOrZero("eafSlagSold", "t/t", "EAF slag sold per t of liquid steel; credited with factor key credit/eaf-slag, or allocated.", 0.3);

    // ---- direct reduction (per t DRI) --------------------------------------------------------------------------------

    public static readonly TemplateParameter DriReductant = TemplateParameter.Choice("driReductant", "The reducing gas of the shaft furnace: natural gas (reformed) or hydrogen (factor key material/hydrogen).", "natural-gas", "hydrogen")
        .WithDefault("natural-gas", TemplateChoice);
    public static readonly TemplateParameter DriPellets = Site("driPellets", "t/t", "DR-grade pellets per t of DRI (factor key material/iron-ore-pellets).", 2, 1);
    public static readonly TemplateParameter DriNaturalGas = SiteIfUsed("driNaturalGas", "Nm3/t", "Natural gas (reductant and fuel) per t of DRI; with hydrogen, any natural gas still fired.", 600);
    public static readonly TemplateParameter DriHydrogen = SiteIfUsed("driHydrogen", "kg/t", "Hydrogen per t of DRI (hydrogen route).", 120);
    public static readonly TemplateParameter DriElectricity = Site("driElectricity", "kWh/t", "Grid electricity per t of DRI.", 500);

    // ---- casting and site exports (per t crude steel) ------------------------------------------------------------------

    public static readonly TemplateParameter CastingLiquidSteel = Site("castingLiquidSteel", "t/t", "Liquid steel per t of cast crude steel (the casting yield's inverse).", 1.2, 1);
    public static readonly TemplateParameter CastingNaturalGas = SiteOrZero("castingNaturalGas", "Nm3/t", "Natural gas (ladle and tundish heating, torch cutting) per t of crude steel.", 50);
    public static readonly TemplateParameter CastingElectricity = Site("castingElectricity", "kWh/t", "Grid electricity of secondary metallurgy and casting per t of crude steel.", 300);
    public static readonly TemplateParameter ExportedElectricity = SiteOrZero("exportedElectricity", "kWh/t", "Electricity the site exports to the grid per t of crude steel (from its own power plant; credited as grid power displaced, or allocated).", 1000);
    public static readonly TemplateParameter ExportedSteam = SiteOrZero("exportedSteam", "GJ/t", "Steam or heat the site exports per t of crude steel (credited with factor key credit/steam, or allocated).", 10);

    // ---- product steps (per t product) ---------------------------------------------------------------------------------

    public static readonly TemplateParameter HotRollingYield = SiteIfUsed("hotRollingYield", "t/t", "Crude steel per t of hot-rolled product (the rolling yield's inverse).", 1.5, 1);
    public static readonly TemplateParameter HotRollingNaturalGas = SiteOrZero("hotRollingNaturalGas", "Nm3/t", "Purchased natural gas of the reheating furnace per t of hot-rolled product (site gases are counted where they are made).", 100);
    public static readonly TemplateParameter HotRollingElectricity = SiteIfUsed("hotRollingElectricity", "kWh/t", "Grid electricity per t of hot-rolled product.", 300);
    public static readonly TemplateParameter ColdRollingYield = SiteIfUsed("coldRollingYield", "t/t", "Hot-rolled coil per t of cold-rolled coil.", 1.5, 1);
    public static readonly TemplateParameter ColdRollingNaturalGas = SiteOrZero("coldRollingNaturalGas", "Nm3/t", "Natural gas (annealing, pickling) per t of cold-rolled coil.", 100);
    public static readonly TemplateParameter ColdRollingElectricity = SiteIfUsed("coldRollingElectricity", "kWh/t", "Grid electricity per t of cold-rolled coil.", 400);
    public static readonly TemplateParameter CoatingYield = SiteIfUsed("coatingYield", "t/t", "Cold-rolled coil per t of coated coil.", 1.5, 1);
    public static readonly TemplateParameter CoatingZinc = SiteIfUsed("coatingZinc", "kg/t", "Zinc (or zinc alloy) per t of coated coil (factor key material/zinc).", 150);
    public static readonly TemplateParameter CoatingNaturalGas = SiteOrZero("coatingNaturalGas", "Nm3/t", "Natural gas per t of coated coil.", 100);
    public static readonly TemplateParameter CoatingElectricity = SiteIfUsed("coatingElectricity", "kWh/t", "Grid electricity per t of coated coil.", 300);

    // ---- prices (economic allocation) ---------------------------------------------------------------------------------

    public static readonly TemplateParameter PriceCoke = Price("priceCoke", "t of coke");
    public static readonly TemplateParameter PriceCokeOvenGas = Price("priceCokeOvenGas", "Nm3 of exported coke-oven gas");
    public static readonly TemplateParameter PriceHotMetal = Price("priceHotMetal", "t of hot metal");
    public static readonly TemplateParameter PriceBfGas = Price("priceBfGas", "Nm3 of exported blast-furnace gas");
    public static readonly TemplateParameter PriceBfSlag = Price("priceBfSlag", "t of blast-furnace slag");
    public static readonly TemplateParameter PriceLiquidSteel = Price("priceLiquidSteel", "t of liquid steel");
    public static readonly TemplateParameter PriceBofGas = Price("priceBofGas", "Nm3 of exported converter gas");
    public static readonly TemplateParameter PriceBofSlag = Price("priceBofSlag", "t of converter slag");
    public static readonly TemplateParameter PriceEafSlag = Price("priceEafSlag", "t of EAF slag");
    public static readonly TemplateParameter PriceCrudeSteel = Price("priceCrudeSteel", "t of crude steel");
    public static readonly TemplateParameter PriceExportedElectricity = Price("priceExportedElectricity", "kWh of exported electricity");
    public static readonly TemplateParameter PriceExportedSteam = Price("priceExportedSteam", "GJ of exported steam");

    // ---- end of life (view only) --------------------------------------------------------------------------------------

    public static readonly TemplateParameter RecoveryRate = TemplateParameter.Number("recoveryRate", "%", "End-of-life recovery rate RR of the product's steel as scrap (end-of-life view only; never in the cradle-to-gate total).", 0, 100)
        .WithDefault(85, Broadbent2016 + ": RR = 85 % [S: not re-read in the article; worldsteel's 85 % end-of-life recycling rate seen only in a secondary source]");

    public static readonly TemplateParameter ValueOfScrap = TemplateParameter.Number("valueOfScrap", "kg/kg", "Value of scrap: kg CO2e saved per kg of scrap recycled at end of life, Y(X_pr - X_re) (end-of-life view only).", 0, 5)
        .WithDefault(1.5, Broadbent2016 + ", abstract: 1.5 kg CO2e saved per kg of steel scrap recycled [V]");

    // ---- groups -------------------------------------------------------------------------------------------------------

    public static ImmutableArray<TemplateParameter> ContextGroup => [Product, Region, Year, ElectricityBasis, CoProductMethod, Currency, ScrapFactorKey, ExportPowerEfficiency];

    public static ImmutableArray<TemplateParameter> CastingGroup => [CastingLiquidSteel, CastingNaturalGas, CastingElectricity, ExportedElectricity, ExportedSteam];

    public static ImmutableArray<TemplateParameter> ProductStepsGroup =>
        [HotRollingYield, HotRollingNaturalGas, HotRollingElectricity, ColdRollingYield, ColdRollingNaturalGas, ColdRollingElectricity,
         CoatingYield, CoatingZinc, CoatingNaturalGas, CoatingElectricity];

    public static ImmutableArray<TemplateParameter> EndOfLifeGroup => [RecoveryRate, ValueOfScrap];

    /// <summary>The EAF's inputs after its iron units (scrap, pig iron, DRI), shared by the scrap-EAF and DRI-EAF routes.</summary>
    public static ImmutableArray<TemplateParameter> EafFurnaceGroup =>
        [EafElectrodes, EafChargeCarbon, EafNaturalGas, EafLimestone, EafDolomite, EafBurntLime, EafFerroalloys, EafOxygen, EafElectricity, EafSlagSold];

    /// <summary>The carbon contents and gas properties of the EAF's other inputs and its steel, after those of its iron units.</summary>
    public static ImmutableArray<TemplateParameter> EafFurnaceProperties =>
        [CarbonElectrodes, CarbonChargeCarbon, CarbonLimestone, CarbonDolomite, CarbonCrudeSteel, NcvNaturalGas, CarbonPerEnergyNaturalGas];

    /// <summary>The prices of the EAF routes' co-products (economic allocation).</summary>
    public static ImmutableArray<TemplateParameter> EafPrices => [PriceLiquidSteel, PriceEafSlag, PriceCrudeSteel, PriceExportedElectricity, PriceExportedSteam];

    public static ImmutableArray<TemplateParameter> GasAndCoalProperties =>
        [NcvCoal, CarbonPerEnergyCoal, NcvNaturalGas, CarbonPerEnergyNaturalGas, NcvCokeOvenGas, CarbonPerEnergyCokeOvenGas,
         NcvBfGas, CarbonPerEnergyBfGas, NcvBofGas, CarbonPerEnergyBofGas];
}
