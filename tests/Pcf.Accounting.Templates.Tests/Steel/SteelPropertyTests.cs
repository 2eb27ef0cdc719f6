using System.Reflection;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Templates.Steel;
using Pcf.Accounting.Templates.Steel.Views;
using Pcf.Accounting.Units;
using Pcf.Accounting.Vectors;

namespace Pcf.Accounting.Templates.Tests.Steel;

/// <summary>The laws of the steel templates over random valid site data: carbon in equals carbon out plus the carbon of the CO2
/// in every mass balance the templates build (read from the built system's derivations), lines sum to the total, more exported
/// blast-furnace gas never raises the footprint under system expansion, more scrap replacing DRI never raises it.</summary>
/// <remarks>The random sites stay inside each parameter's range; exported gases are drawn as a fraction (below 1) of the carbon
/// the step has left to export, so no draw breaks a balance. Carbon contents are the template defaults: IPCC 2006 Vol. 3 Ch. 4
/// Table 4.3 (coke 0.83, coking coal 0.73, limestone 0.12, dolomite 0.13, hot metal 0.04, steel and scrap 0.01, DRI 0.02,
/// electrodes 0.82, charge carbon 0.83, coal tar 0.62 kg C/kg) and the NDRC fuel defaults (net calorific value × carbon per
/// energy): coal 23.204 GJ/t × 26.18 kg C/GJ = 607.48072 kg C/t; natural gas 38.931 MJ/Nm3 × 15.3 kg C/GJ = 0.5956443 kg C/Nm3;
/// coke-oven gas 17.3854 × 13.6 = 0.23644144; blast-furnace gas 3.769 × 70.8 = 0.2668452; converter gas 7.954 × 49.6 = 0.3945184 kg C/Nm3.</remarks>
public sealed class SteelPropertyTests
{
    private const double Coal = 23.204 * 26.18;         // kg C per t
    private const double NaturalGas = 38.931 * 15.3 / 1000; // kg C per Nm3
    private const double CokeOvenGas = 17.3854 * 13.6 / 1000;
    private const double BfGas = 3.769 * 70.8 / 1000;
    private const double BofGas = 7.954 * 49.6 / 1000;

    private static readonly string VectorFolder = Path.Combine(
        typeof(SteelPropertyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!, "tests", "vectors", "steel");

    private static readonly BfBofTemplate BfBof = new();
    private static readonly DriEafTemplate DriEaf = new();
    private static readonly ScrapEafTemplate ScrapEaf = new();
    private static readonly UnitExpression Kg = UnitExpression.Of(Unit.Kilogram);

    /// <summary>A random BF-BOF site (coke made on site, sinter, pellets made or bought, every gas export), with the carbon in
    /// and out per run of each balance worked here from the site data and the default contents.</summary>
    private static Gen<BfBofSite> BfBofSites { get; } = Gen.Double[0, 1].Array[48].Select(Gen.Bool).Select(t =>
    {
        var (u, pelletsOnSite) = t;
        int i = 0;
        double R(double lo, double hi) => lo + (u[i++] * (hi - lo));
        var c = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["cokingCoal"] = R(1.25, 1.6), ["cokeOvenNaturalGas"] = R(0, 50), ["cokeOvenByProducts"] = R(0, 0.04), ["cokeOvenElectricity"] = R(10, 60),
            ["sinterIronOre"] = R(0.8, 1), ["sinterCokeBreeze"] = R(0.03, 0.07), ["sinterCoal"] = R(0, 0.02), ["sinterNaturalGas"] = R(0, 5),
            ["sinterLimestone"] = R(0.05, 0.15), ["sinterDolomite"] = R(0, 0.05), ["sinterElectricity"] = R(20, 50),
            ["pelletIronOre"] = R(1, 1.1), ["pelletCoal"] = R(0, 0.02), ["pelletNaturalGas"] = R(0, 20), ["pelletLimestone"] = R(0, 0.03),
            ["pelletDolomite"] = R(0, 0.02), ["pelletElectricity"] = R(20, 40),
            ["bfSinter"] = R(0.8, 1.4), ["bfPellets"] = R(0.1, 0.5), ["bfLumpOre"] = R(0, 0.2), ["bfCoke"] = R(0.3, 0.45), ["bfPciCoal"] = R(0.1, 0.2),
            ["bfNaturalGas"] = R(0, 20), ["bfLimestone"] = R(0, 0.05), ["bfDolomite"] = R(0, 0.03), ["bfElectricity"] = R(30, 70), ["bfSlagSold"] = R(0, 0.3),
            ["bofHotMetal"] = R(0.8, 1), ["bofScrap"] = R(0.1, 0.3), ["bofBurntLime"] = R(0.03, 0.06), ["bofDolomite"] = R(0, 0.02), ["bofNaturalGas"] = R(0, 5),
            ["bofElectricity"] = R(10, 30), ["bofSlagSold"] = R(0, 0.1),
            ["castingLiquidSteel"] = R(1.01, 1.05), ["castingNaturalGas"] = R(0, 5), ["castingElectricity"] = R(20, 40), ["exportPowerEfficiency"] = R(30, 40),
        };
        double cogShare = R(0, 0.99), bfgShare = R(0, 0.99), bofgShare = R(0, 0.99);

        // Carbon in and out per run (kg C per t of the step's product), from the site data and the default contents.
        double cokeIn = (c["cokingCoal"] * 730) + (c["cokeOvenNaturalGas"] * NaturalGas);
        double cokeOutFixed = 830 + (c["cokeOvenByProducts"] * 620);
        c["cokeOvenGasExported"] = Math.Min(600, cogShare * (cokeIn - cokeOutFixed) / CokeOvenGas);
        double bfIn = (c["bfCoke"] * 830) + (c["bfPciCoal"] * Coal) + (c["bfNaturalGas"] * NaturalGas) + (c["bfLimestone"] * 120) + (c["bfDolomite"] * 130);
        c["bfGasExported"] = Math.Min(2500, bfgShare * (bfIn - 40) / BfGas);
        double bofIn = (c["bofHotMetal"] * 40) + (c["bofScrap"] * 10) + (c["bofDolomite"] * 130) + (c["bofNaturalGas"] * NaturalGas);
        c["bofGasExported"] = Math.Min(200, bofgShare * (bofIn - 10) / BofGas);

        var balances = new Dictionary<string, (double In, double Out)>(StringComparer.Ordinal)
        {
            ["coke-oven"] = (cokeIn, cokeOutFixed + (c["cokeOvenGasExported"] * CokeOvenGas)),
            ["sinter-plant"] = ((c["sinterCokeBreeze"] * 830) + (c["sinterCoal"] * Coal) + (c["sinterNaturalGas"] * NaturalGas) + (c["sinterLimestone"] * 120) + (c["sinterDolomite"] * 130), 0),
            ["blast-furnace"] = (bfIn, 40 + (c["bfGasExported"] * BfGas)),
            ["bof"] = (bofIn, 10 + (c["bofGasExported"] * BofGas)),
            ["casting"] = (c["castingNaturalGas"] * NaturalGas, 0),
        };
        if (pelletsOnSite)
        {
            balances["pellet-plant"] = ((c["pelletCoal"] * Coal) + (c["pelletNaturalGas"] * NaturalGas) + (c["pelletLimestone"] * 120) + (c["pelletDolomite"] * 130), 0);
        }

        var input = c.Aggregate(TemplateInput.Empty.Set("cokeOnSite", true).Set("pelletsOnSite", pelletsOnSite), (inp, kv) => inp.Set(kv.Key, kv.Value));
        return new BfBofSite(input, balances, c["bfGasExported"], (bfIn - 40) / BfGas);
    });

    [Fact]
    public void Property_BfBof_EveryMassBalance_CarbonInIsCarbonOutPlusTheCarbonOfTheCo2()
    {
        BfBofSites.Sample(site =>
        {
            var build = BfBof.Build(site.Input).ThrowIfInvalid();
            AssertBalances(build, site.Balances);
        }, iter: 100);
    }

    [Fact]
    public void Property_DriEaf_EveryMassBalance_CarbonInIsCarbonOutPlusTheCarbonOfTheCo2()
    {
        // Charge carbon of 12 kg or more keeps the EAF's carbon in above the 10 kg C in 1 t of steel. Natural-gas DRI: the gas brings the carbon and the DRI carries 0.02 t C/t out; hydrogen DRI: any gas still fired brings
        // carbon and the DRI's stated carbon is drawn below it (0 when no gas is fired).
        Gen.Double[0, 1].Array[24].Select(Gen.Bool).Sample(t =>
        {
            var (u, hydrogen) = t;
            int i = 0;
            double R(double lo, double hi) => lo + (u[i++] * (hi - lo));
            double gas = hydrogen ? R(0, 30) : R(150, 400);
            double carbonDri = hydrogen ? R(0, 0.99) * gas * NaturalGas / 1000 : 0.02;
            double dri = R(0.5, 1.1), scrap = R(0, 0.5), el = R(0.5, 4), cc = R(12, 40), ng = R(0, 20), lime = R(0, 50), dol = R(0, 30);
            double liquid = R(1.01, 1.08), castingGas = R(0, 5);
            var input = TemplateInput.Empty.Set("driReductant", hydrogen ? "hydrogen" : "natural-gas").Set("driPellets", R(1.35, 1.5))
                .Set("driElectricity", R(50, 150)).Set("eafDri", dri).Set("eafScrap", scrap).Set("eafElectrodes", el).Set("eafChargeCarbon", cc)
                .Set("eafNaturalGas", ng).Set("eafLimestone", lime).Set("eafDolomite", dol).Set("eafBurntLime", R(20, 60)).Set("eafElectricity", R(300, 700))
                .Set("castingLiquidSteel", liquid).Set("castingNaturalGas", castingGas).Set("castingElectricity", R(20, 60));
            input = hydrogen
                ? input.Set("driHydrogen", R(45, 70)).Set("driNaturalGas", gas).Set("carbonDri", carbonDri, "site statement (property test)")
                : input.Set("driNaturalGas", gas);
            var build = DriEaf.Build(input).ThrowIfInvalid();

            double eafIn = (dri * carbonDri * 1000) + (scrap * 10) + (el * 0.82) + (cc * 0.83) + (ng * NaturalGas) + (lime * 0.12) + (dol * 0.13);
            AssertBalances(build, new Dictionary<string, (double In, double Out)>(StringComparer.Ordinal)
            {
                ["dri-plant"] = (gas * NaturalGas, carbonDri * 1000),
                ["eaf"] = (eafIn, 10),
                ["casting"] = (castingGas * NaturalGas, 0),
            });
        }, iter: 100);
    }

    [Fact]
    public void Property_ScrapEaf_ProductSteps_EveryMassBalance_CarbonInIsCarbonOutPlusTheCarbonOfTheCo2()
    {
        // The EAF with bought pig iron and DRI, and every product step up to coated coil (each step's balance is its gas burned).
        Gen.Double[0, 1].Array[24].Select(Gen.Int[0, 3]).Sample(t =>
        {
            var (u, steps) = t;
            int i = 0;
            double R(double lo, double hi) => lo + (u[i++] * (hi - lo));
            double scrap = R(0.8, 1.15), pig = R(0, 0.2), dri = R(0, 0.2), el = R(0.5, 4), cc = R(12, 40), ng = R(0, 20);
            double hot = R(0, 60), cold = R(0, 30), coat = R(0, 30);
            string product = new[] { "crude-steel", "hot-rolled-coil", "cold-rolled-coil", "coated-coil" }[steps];
            var input = TemplateInput.Empty.Set("product", product).Set("eafScrap", scrap).Set("eafPigIron", pig).Set("eafDri", dri)
                .Set("eafElectrodes", el).Set("eafChargeCarbon", cc).Set("eafNaturalGas", ng).Set("eafBurntLime", R(20, 60)).Set("eafElectricity", R(300, 600))
                .Set("castingLiquidSteel", R(1.01, 1.08)).Set("castingElectricity", R(20, 60))
                .Set("hotRollingYield", R(1.01, 1.1)).Set("hotRollingNaturalGas", hot).Set("hotRollingElectricity", R(50, 150))
                .Set("coldRollingYield", R(1.01, 1.1)).Set("coldRollingNaturalGas", cold).Set("coldRollingElectricity", R(80, 200))
                .Set("coatingYield", R(1.01, 1.05)).Set("coatingZinc", R(20, 60)).Set("coatingNaturalGas", coat).Set("coatingElectricity", R(30, 90));
            var build = ScrapEaf.Build(input).ThrowIfInvalid();

            var expected = new Dictionary<string, (double In, double Out)>(StringComparer.Ordinal)
            {
                ["eaf"] = ((scrap * 10) + (pig * 40) + (dri * 20) + (el * 0.82) + (cc * 0.83) + (ng * NaturalGas), 10),
                ["casting"] = (0, 0),
            };
            string[] stepIds = ["hot-rolling", "cold-rolling", "coating"];
            double[] gases = [hot, cold, coat];
            for (int s = 0; s < steps; s++)
            {
                expected[stepIds[s]] = (gases[s] * NaturalGas, 0);
            }

            AssertBalances(build, expected);
        }, iter: 100);
    }

    [Fact]
    public async Task Property_BfBof_MoreExportedBfGas_NeverRaisesTheFootprint_AndLinesSumToTheTotal()
    {
        // Random whole sites (not one site with a random export): the footprint with more blast-furnace gas exported is never
        // above the one with less, and the process, stage and gas lines and the co-products view sum to the total.
        using var services = await ServicesWithFactorsOfAsync("bf-bof-full-site.vector.json");
        using var scope = services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        await BfBofSites.Select(Gen.Double[0, 1]).SampleAsync(async t =>
        {
            var (site, extra) = t;
            double more = site.BfGasExported + (extra * 0.99 * (site.BfGasLimit - site.BfGasExported));
            var less = await CalculateAsync(calculator, BfBof, site.Input);
            var moreExported = await CalculateAsync(calculator, BfBof, site.Input.Set("bfGasExported", Math.Min(2500, more)));
            double before = less.TotalExcludingBiogenicUptake.Value, after = moreExported.TotalExcludingBiogenicUptake.Value;
            Assert.True(after <= before + (1e-9 * before), $"{site.BfGasExported} Nm3: {before}; {more} Nm3: {after}");
            AssertLinesSumToTheTotal(less);
            AssertLinesSumToTheTotal(moreExported);
        }, iter: 15);
    }

    [Fact]
    public async Task Property_DriEaf_MoreScrapReplacingTheSitesDri_NeverRaisesTheFootprint_AndLinesSumToTheTotal()
    {
        // The DRI-EAF route (DRI made on site, natural gas): a random site, a charge split between scrap and DRI, and a share of
        // the DRI replaced by scrap. The scrap is burden-free and carries less carbon (0.01 against 0.02 t C/t).
        using var services = await ServicesWithFactorsOfAsync("dri-eaf-natural-gas.vector.json");
        using var scope = services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        await Gen.Double[0, 1].Array[9].Select(Gen.Double[0.2, 1.1], Gen.Double[0, 1]).SampleAsync(async t =>
        {
            var (u, dri, replaced) = t;
            int i = 0;
            double R(double lo, double hi) => lo + (u[i++] * (hi - lo));
            var site = TemplateInput.Empty.Set("driPellets", R(1.35, 1.5)).Set("driNaturalGas", R(150, 400)).Set("driElectricity", R(50, 150))
                .Set("eafElectrodes", R(0.5, 4)).Set("eafChargeCarbon", R(0, 30)).Set("eafBurntLime", R(20, 60)).Set("eafElectricity", R(300, 700))
                .Set("castingLiquidSteel", R(1.01, 1.08)).Set("castingElectricity", R(20, 60));
            double moved = dri * replaced * 0.99; // the DRI-EAF route keeps some DRI (eafDri is its site data, above zero)
            var less = await CalculateAsync(calculator, DriEaf, site.Set("eafScrap", 1.1 - dri).Set("eafDri", dri));
            var more = await CalculateAsync(calculator, DriEaf, site.Set("eafScrap", 1.1 - dri + moved).Set("eafDri", dri - moved));
            double before = less.TotalExcludingBiogenicUptake.Value, after = more.TotalExcludingBiogenicUptake.Value;
            Assert.True(after <= before + (1e-9 * before), $"DRI {dri} t: {before}; DRI {dri - moved} t: {after}");
            AssertLinesSumToTheTotal(less);
            AssertLinesSumToTheTotal(more);
        }, iter: 15);
    }

    /// <summary>For every balance the template built: carbon in and out read from its derivations equal the hand-worked ones,
    /// and carbon in = carbon out + 12/44 of the CO2 the process emits; no other process carries a balance.</summary>
    private static void AssertBalances(TemplateBuild build, IReadOnlyDictionary<string, (double In, double Out)> expected)
    {
        var found = new List<string>();
        foreach (var process in build.System.Processes)
        {
            foreach (var co2 in process.Emissions.Select(e => e.Derivation).OfType<Derivation>()
                         .Where(d => d.Name.EndsWith("CO2 by carbon mass balance", StringComparison.Ordinal)))
            {
                found.Add(process.Id.Value);
                var carbonIn = co2.Inputs.Single(x => x.Symbol == "C_in");
                var carbonOut = co2.Inputs.SingleOrDefault(x => x.Symbol == "C_out");
                double cIn = carbonIn.Value.As(Kg), cOut = carbonOut?.Value.As(Kg) ?? 0, emitted = co2.Result.As(Kg);
                double scale = Math.Max(1, cIn);
                Assert.NotNull(carbonIn.DerivedFrom);
                Assert.True(emitted >= 0, $"{process.Id}: {emitted} kg CO2");
                Assert.Equal(cIn, cOut + (emitted * 12 / 44), 1e-9 * scale);
                var (hin, hout) = expected[process.Id.Value];
                Assert.Equal(hin, cIn, 1e-9 * scale);
                Assert.Equal(hout, cOut, 1e-9 * scale);
            }
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    private static void AssertLinesSumToTheTotal(FootprintResult result)
    {
        double total = result.TotalExcludingBiogenicUptake.Value;
        double tolerance = 1e-9 * Math.Max(1, Math.Abs(total));
        Assert.Equal(total, result.ByProcess.Sum(p => p.Total.Value), tolerance);
        Assert.Equal(total, result.ByStage.Sum(s => s.Co2e.Value), tolerance);
        var view = Assert.Single(result.Views, v => v.Id == SteelCoProductsView.ViewId);
        Assert.Equal(view.Line("credits")!.Value, view.Lines.Where(l => l.Key.StartsWith("credit:", StringComparison.Ordinal)).Sum(l => l.Value), tolerance);
        Assert.Equal(total, view.Line("before-credits")!.Value + view.Line("credits")!.Value, tolerance);
        Assert.Equal(total, view.Line("total")!.Value, tolerance);
    }

    private static async Task<ServiceProvider> ServicesWithFactorsOfAsync(string vectorFile)
    {
        var vector = ReferenceVectorJson.Read(await File.ReadAllBytesAsync(Path.Combine(VectorFolder, vectorFile)), VectorFolder).ThrowIfInvalid();
        return new ServiceCollection().AddPcfAccounting().AddFactors(new InMemoryFactorProvider("steel vector factors", vector.Factors!)).AddSteelTemplates()
            .Services.BuildServiceProvider();
    }

    private static async Task<FootprintResult> CalculateAsync(IFootprintCalculator calculator, ITemplate template, TemplateInput input)
    {
        var build = template.Build(input).ThrowIfInvalid();
        return (await calculator.CalculateAsync(build)).ThrowIfInvalid();
    }

    /// <summary>A random BF-BOF site: its input, each balance's carbon in and out per run worked by hand, the blast-furnace gas
    /// exported and the most the furnace's carbon allows.</summary>
    private sealed record BfBofSite(TemplateInput Input, IReadOnlyDictionary<string, (double In, double Out)> Balances, double BfGasExported, double BfGasLimit);
}
