using System.Reflection;
using System.Text;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Model;
using Pcf.Accounting.Results;
using Pcf.Accounting.Rules;
using Pcf.Accounting.Templates.Steel;
using Pcf.Accounting.Templates.Steel.Views;
using Pcf.Accounting.Validation;
using Pcf.Accounting.Vectors;

namespace Pcf.Accounting.Templates.Tests.Steel;

/// <summary>The steel templates: the vectors in tests/vectors/steel, bad input named by parameter or JSON path, defaults versus
/// site data, the carbon mass balance as a law, credits on their own lines, CBAM tags.</summary>
public sealed class SteelTemplateTests
{
    private static readonly string VectorFolder = Path.Combine(
        typeof(SteelTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!, "tests", "vectors", "steel");

    private static readonly ScrapEafTemplate ScrapEaf = new();
    private static readonly BfBofTemplate BfBof = new();

    /// <summary>The scrap-EAF site of the vector scrap-eaf-mass-balance (per t of liquid or crude steel).</summary>
    private static TemplateInput EafSite => TemplateInput.Empty
        .Set("eafScrap", 1.1).Set("eafElectrodes", 2).Set("eafChargeCarbon", 10).Set("eafBurntLime", 40).Set("eafElectricity", 400)
        .Set("castingLiquidSteel", 1.05).Set("castingElectricity", 50);

    /// <summary>The BF-BOF site of the vector bf-bof-blast-furnace-mass-balance.</summary>
    private static TemplateInput BfBofSite => TemplateInput.Empty
        .Set("cokeOnSite", false).Set("bfSinter", 0).Set("bfPellets", 1.5).Set("bfCoke", 0.35).Set("bfPciCoal", 0.15).Set("bfLimestone", 0.05)
        .Set("bfElectricity", 50).Set("bfGasExported", 300).Set("exportPowerEfficiency", 35)
        .Set("bofHotMetal", 0.9).Set("bofScrap", 0.15).Set("bofBurntLime", 0.05).Set("bofElectricity", 20)
        .Set("castingLiquidSteel", 1.02).Set("castingElectricity", 30);

    public static TheoryData<string> VectorFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(VectorFolder, "*.vector.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorFiles))]
    public async Task Vector_Passes(string file)
    {
        using var services = new ServiceCollection().AddPcfAccounting().AddSteelTemplates().Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        var vector = ReferenceVectorJson.Read(await File.ReadAllBytesAsync(Path.Combine(VectorFolder, file)), VectorFolder).ThrowIfInvalid();

        var outcome = await scope.ServiceProvider.GetRequiredService<ReferenceVectorRunner>().RunAsync(vector);

        Assert.True(outcome.Passed, string.Join(Environment.NewLine, outcome.Failures));
    }

    [Fact]
    public void AddSteelTemplates_RegistersTheTemplatesAndRuleSets_Once()
    {
        using var services = new ServiceCollection().AddPcfAccounting().AddSteelTemplates().AddSteelTemplates().Services.BuildServiceProvider();

        var catalog = services.GetRequiredService<ITemplateCatalog>();
        Assert.Equal(["steel/bf-bof", "steel/dri-eaf", "steel/ipcc-tier1", "steel/scrap-eaf"], catalog.Templates.Select(t => t.Descriptor.Id).Order(StringComparer.Ordinal));
        var ruleSets = services.GetRequiredService<IRuleSetRegistry>();
        Assert.True(ruleSets.TryFind("STEEL-SE", out _));
        Assert.True(ruleSets.TryFind("STEEL-ECONOMIC", out _));
    }

    [Fact]
    public void EveryDefault_NamesItsSource()
    {
        foreach (var template in SteelTemplates.All)
        {
            Assert.All(template.Parameters.Where(p => p.Default is not null), p => Assert.False(string.IsNullOrWhiteSpace(p.Default!.Source), $"{template.Descriptor.Id}: {p.Name}"));
        }
    }

    [Fact]
    public void Json_BadParameters_AreNamedByTheirJsonPath_AllAtOnce()
    {
        string json = """
            { "format": "pcf-template-params/1", "template": "steel/scrap-eaf",
              "parameters": { "eafScrap": 1.1, "eafElectricity": { "value": 400, "unit": "kg" }, "eafChargeCarbon": -3,
                              "eafBurntLime": 40, "castingLiquidSteel": 1.05, "castingElectricity": 50, "product": "rail" } }
            """;
        var (id, input) = TemplateParametersJson.Read(Encoding.UTF8.GetBytes(json)).ThrowIfInvalid();
        Assert.Equal(ScrapEafTemplate.TemplateId, id);

        var bound = TemplateValues.Bind(ScrapEaf.Parameters, input);

        Assert.False(bound.IsValid);
        Assert.Contains(bound.Problems, p => p.Path == "$.parameters.eafElectricity" && p.Code == ProblemCodes.WrongDimension);
        Assert.Contains(bound.Problems, p => p.Path == "$.parameters.eafChargeCarbon" && p.Code == ProblemCodes.NumberOutOfRange);
        Assert.Contains(bound.Problems, p => p.Path == "$.parameters.product" && p.Code == ProblemCodes.UnknownValue);
        Assert.Contains(bound.Problems, p => p.Path == "$.parameters.eafElectrodes" && p.Code == ProblemCodes.Required);
        Assert.Equal(4, bound.Problems.Length);
    }

    [Fact]
    public void Build_ProductStepsWithoutTheirData_NameTheMissingParameters()
    {
        var result = ScrapEaf.Build(EafSite.Set("product", "cold-rolled-coil"));

        Assert.False(result.IsValid);
        Assert.All(result.Problems, p => Assert.Equal(ProblemCodes.InconsistentParameters, p.Code));
        Assert.Equal(["coldRollingElectricity", "coldRollingYield", "hotRollingElectricity", "hotRollingYield"], result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_CarbonOutAboveCarbonIn_IsAProblem_NotANegativeEmission()
    {
        // In: 1.1 t × 0.01 + 2 kg × 0.82 + 10 kg × 0.83 = 20.94 kg C; out: 1 t × 0.03 = 30 kg C > 20.94.
        var result = ScrapEaf.Build(EafSite.Set("carbonCrudeSteel", 0.03, "lab 2025"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("eafChargeCarbon", problem.Path);
        Assert.Contains("exceeds the carbon entering", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsAndSiteData_AreMarked_AndPrimaryFollowsTheSiteData()
    {
        var defaulted = ScrapEaf.Build(EafSite).ThrowIfInvalid();
        var co2 = Co2Derivation(defaulted, "eaf");
        var electrodes = co2.Flatten().SelectMany(d => d.Inputs).First(i => i.Symbol == "C_el");
        Assert.True(electrodes.IsDefault);
        Assert.Contains("Table 4.3", electrodes.Source!, StringComparison.Ordinal);
        Assert.False(Process(defaulted, "eaf").IsPrimaryData); // pig iron, DRI, gas, fluxes and oxygen were left at their defaults

        var measured = ScrapEaf.Build(EafSite.Set("carbonElectrodes", 0.8, "supplier certificate 2025")
            .Set("eafPigIron", 0).Set("eafDri", 0).Set("eafNaturalGas", 0).Set("eafLimestone", 0).Set("eafDolomite", 0)
            .Set("eafFerroalloys", 0).Set("eafOxygen", 0).Set("eafSlagSold", 0)).ThrowIfInvalid();
        var given = Co2Derivation(measured, "eaf").Flatten().SelectMany(d => d.Inputs).First(i => i.Symbol == "C_el");
        Assert.False(given.IsDefault);
        Assert.Equal("supplier certificate 2025", given.Source);
        Assert.True(Process(measured, "eaf").IsPrimaryData);

        // (1.1 × 0.01 × 1000 + 2 × 0.8 + 10 × 0.83 - 10) × 44/12 = 10.9 × 44/12 = 39.966667 kg CO2.
        Assert.Equal(10.9 * 44 / 12, Co2Derivation(measured, "eaf").Result.Value, 9);
    }

    [Fact]
    public void Property_EafCarbonBalance_CarbonInIsCarbonOutPlusTheCarbonOfTheCo2()
    {
        // Carbon in, worked here from the inputs and the default contents (IPCC 2006 Table 4.3; natural gas 38.931 MJ/Nm3 ×
        // 15.3 kg C/GJ, NDRC), equals the 10 kg C in 1 t of steel plus 12/44 of the CO2 the template derives.
        Gen.Double[1.0, 1.2].Select(Gen.Double[0.5, 4], Gen.Double[0, 30], Gen.Double[0, 20], Gen.Double[0, 30]).Sample((scrap, el, cc, ng, lime) =>
        {
            var build = ScrapEaf.Build(EafSite.Set("eafScrap", scrap).Set("eafElectrodes", el).Set("eafChargeCarbon", cc).Set("eafNaturalGas", ng)
                .Set("eafLimestone", lime)).ThrowIfInvalid();
            double carbonIn = scrap * 0.01 * 1000 + el * 0.82 + cc * 0.83 + ng * 38.931 * 15.3 / 1000 + lime * 0.12;
            double co2 = Co2Derivation(build, "eaf").Result.Value;
            Assert.Equal(carbonIn, 10 + co2 * 12 / 44, 1e-9 * carbonIn);
        }, iter: 100);
    }

    [Fact]
    public async Task Property_ExportingMoreBfGas_NeverRaisesTheFootprint_UnderSystemExpansion()
    {
        using var services = await BfBofServicesAsync();
        using var scope = services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        await Gen.Double[0, 500].Select(Gen.Double[0, 100]).SampleAsync(async (exported, more) =>
        {
            double less = await TotalAsync(calculator, BfBofSite.Set("bfGasExported", exported));
            double moreExported = await TotalAsync(calculator, BfBofSite.Set("bfGasExported", exported + more));
            Assert.True(moreExported <= less + 1e-9 * Math.Abs(less), $"{exported} Nm3: {less}; {exported + more} Nm3: {moreExported}");
        }, iter: 20);
    }

    [Fact]
    public async Task Property_MoreScrapReplacingDri_NeverRaisesTheFootprint_AndProcessLinesSumToTheTotal()
    {
        // A charge of 1.1 t per t of liquid steel, split between scrap (burden-free, 0.01 kg C/kg) and bought DRI (factor, 0.02 kg C/kg).
        using var services = await ServicesWithFactorsOfAsync("scrap-eaf-mass-balance.vector.json");
        using var scope = services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        await Gen.Double[0, 1.1].Select(Gen.Double[0, 1]).SampleAsync(async (dri, replaced) =>
        {
            double moved = dri * replaced;
            var less = await CalculateAsync(calculator, ScrapEaf, EafSite.Set("eafScrap", 1.1 - dri).Set("eafDri", dri));
            var more = await CalculateAsync(calculator, ScrapEaf, EafSite.Set("eafScrap", 1.1 - dri + moved).Set("eafDri", dri - moved));
            double before = less.TotalExcludingBiogenicUptake.Value, after = more.TotalExcludingBiogenicUptake.Value;
            Assert.True(after <= before + 1e-9 * before, $"DRI {dri} t: {before}; DRI {dri - moved} t: {after}");
            Assert.Equal(before, less.ByProcess.Sum(p => p.Total.Value), 1e-9 * before);
        }, iter: 20);
    }

    [Fact]
    public async Task CbamView_HotRolledCoilChain_ByTheRegulationsFormula()
    {
        // SEE = (AttrEm + Σ M_i × SEE_i) / AL, direct only (iron and steel), worked in the vector cbam-hot-rolled-coil-chain:
        // pig iron 1.274614396 + 1.5 × 0.150 + 0.35 × 0.400 = 1.639614396 t/t; crude steel 0.10285 + 0.918 × 1.639614396 = 1.608016015528 t/t;
        // coil 30 Nm3 × 0.5956443 kg C/Nm3 × 44/12 = 0.065520873 t + 1.04 × 1.608016015528 = 1.737857529149 t/t.
        using var services = await ServicesWithFactorsOfAsync("cbam-hot-rolled-coil-chain.vector.json");
        using var scope = services.CreateScope();
        var calculator = scope.ServiceProvider.GetRequiredService<IFootprintCalculator>();
        var result = await CalculateAsync(calculator, BfBof, BfBofSite.Set("product", "hot-rolled-coil").Set("hotRollingYield", 1.04)
            .Set("hotRollingNaturalGas", 30).Set("hotRollingElectricity", 100));

        var cbam = Assert.Single(result.Views, v => v.Id == "cbam");
        Assert.Equal(1.737857529149, cbam.Line("see-direct")!.Value, 9);
        Assert.Equal(cbam.Line("see-direct")!.Value, cbam.Line("see")!.Value);
        Assert.Equal(1.608016015528, cbam.Line("precursor:crude-steel:see-direct")!.Value, 9);
        Assert.Equal(1.639614396, cbam.Line("precursor:pig-iron:see-direct")!.Value, 9);
        Assert.Equal(1.04, cbam.Line("precursor:crude-steel:mass")!.Value, 9);
    }

    [Fact]
    public async Task CoProductsView_CreditsOnTheirOwnLines_SumToTheTotal()
    {
        using var services = await BfBofServicesAsync();
        using var scope = services.CreateScope();
        var build = BfBof.Build(BfBofSite).ThrowIfInvalid();
        var result = (await scope.ServiceProvider.GetRequiredService<IFootprintCalculator>().CalculateAsync(build)).ThrowIfInvalid();

        var view = Assert.Single(result.Views, v => v.Id == SteelCoProductsView.ViewId);
        var creditLines = view.Lines.Where(l => l.Key.StartsWith("credit:", StringComparison.Ordinal)).ToArray();
        var credit = Assert.Single(creditLines);
        Assert.True(credit.Value < 0);
        Assert.Equal(view.Line("credits")!.Value, creditLines.Sum(l => l.Value), 9);
        Assert.Equal(view.Line("total")!.Value, view.Line("before-credits")!.Value + view.Line("credits")!.Value, 9);
        Assert.Equal(result.TotalExcludingBiogenicUptake.Value, view.Line("total")!.Value, 9);
        // 109.929167 kWh from 300 Nm3 of blast-furnace gas at 35 %, × 0.6 kg/kWh, × 0.918 runs of the blast furnace.
        Assert.Equal(-300 * 3.769 * 0.35 / 3.6 * 0.6 * 0.918, credit.Value, 6);
        // The end-of-life view is apart: the cradle-to-gate total it restates is the result's own.
        var endOfLife = Assert.Single(result.Views, v => v.Id == SteelEndOfLifeView.ViewId);
        Assert.Equal(result.TotalExcludingBiogenicUptake.Value, endOfLife.Line("cradle-to-gate")!.Value, 9);
    }

    [Fact]
    public async Task EconomicAllocation_SharesTheEafBurdenByRevenue_AndTheSteelCarriesItsShare()
    {
        // The site of scrap-eaf-economic-allocation: 0.15 t of EAF slag sold per t of liquid steel; illustrative prices
        // (not market data) 2970 CNY per t of liquid steel and 200 CNY per t of slag.
        using var services = await ServicesWithFactorsOfAsync("scrap-eaf-economic-allocation.vector.json");
        using var scope = services.CreateScope();
        var build = ScrapEaf.Build(EafSite.Set("coProductMethod", "economic-allocation").Set("eafSlagSold", 0.15)
            .Set("priceLiquidSteel", 2970).Set("priceEafSlag", 200)).ThrowIfInvalid();
        Assert.Equal("STEEL-ECONOMIC", build.RuleSet.Id);

        var result = (await scope.ServiceProvider.GetRequiredService<IFootprintCalculator>().CalculateAsync(build)).ThrowIfInvalid();

        // Revenue per run: steel 1 t × 2970 = 2970 CNY, slag 0.15 t × 200 = 30 CNY, sum 3000: shares 2970/3000 = 0.99 and 30/3000 = 0.01.
        var eaf = Assert.Single(result.Allocations, a => a.Process.Value == "eaf");
        Assert.Equal(Model.AllocationMethod.Economic, eaf.Method);
        Assert.Equal(2970, eaf.Shares.Single(s => s.Flow.Value == "liquid-steel").Weight, 9);
        Assert.Equal(30, eaf.Shares.Single(s => s.Flow.Value == "eaf-slag").Weight, 9);
        Assert.Equal(0.99, eaf.Shares.Single(s => s.Flow.Value == "liquid-steel").Share, 12);
        Assert.Equal(0.01, eaf.Shares.Single(s => s.Flow.Value == "eaf-slag").Share, 12);
        var view = Assert.Single(result.Views, v => v.Id == SteelCoProductsView.ViewId);
        Assert.Equal(0.99, view.Line("allocation:eaf:liquid-steel")!.Value, 12);
        Assert.Equal(0, view.Line("credits")!.Value);

        // EAF burden per t liquid steel (as in scrap-eaf-mass-balance): (20.94 - 10) kg C × 44/12 = 40.113333 kg CO2, plus power
        // 400 × 0.6 = 240, electrodes 2 × 5 = 10, charge carbon 10 × 0.4 = 4, burnt lime 0.04 × 1000 = 40: 334.113333 kg.
        // Steel's share 0.99 × 334.113333 = 330.7722 kg per t liquid steel; × 1.05 t per t crude steel = 347.31081 kg;
        // casting 50 kWh × 0.6 = 30 kg; total 377.31081 kg CO2e per t crude steel (the slag leaves with 0.01 × 334.113333 × 1.05 = 3.508190 kg).
        Assert.Equal(377.31081, result.TotalExcludingBiogenicUptake.Value, 9);
        Assert.Equal(347.31081, result.ByProcess.Single(p => p.Process.Value == "eaf").Total.Value, 9);
        Assert.Equal(30, result.ByProcess.Single(p => p.Process.Value == "casting").Total.Value, 9);
    }

    [Fact]
    public async Task EconomicAllocation_CbamAndEndOfLife_ReadPhysicalRuns_TheInventoryRunsAreAllocated()
    {
        // The site of scrap-eaf-economic-allocation (steel's share 0.99, slag's 0.01; 1.05 t liquid steel per t crude steel).
        using var services = await ServicesWithFactorsOfAsync("scrap-eaf-economic-allocation.vector.json");
        using var scope = services.CreateScope();
        var result = await CalculateAsync(scope.ServiceProvider.GetRequiredService<IFootprintCalculator>(), ScrapEaf, EafSite
            .Set("coProductMethod", "economic-allocation").Set("eafSlagSold", 0.15).Set("priceLiquidSteel", 2970).Set("priceEafSlag", 200));

        // (c) The inventory's runs are allocated runs: the EAF runs 1.05 times for 1 t of crude steel and carries 0.99 of each run,
        // so its runs are 0.99 × 1.05 = 1.0395; its steel column runs 1.05 times.
        var eaf = result.Inventory.Processes.Single(p => p.Id.Value == "eaf");
        Assert.Equal(0.99 * 1.05, eaf.Runs, 12);
        Assert.Equal(0.99 * 1.05, result.ByProcess.Single(p => p.Process.Value == "eaf").Runs, 12);
        Assert.Equal(1.05, eaf.Outputs[0].Runs, 12);

        // (a) CBAM attributes the EAF's direct CO2 to the steel whole, by production process (Implementing Regulation (EU) 2023/1773
        // Annex III), not by revenue: (20.94 - 10) kg C × 44/12 = 40.113333 kg per t liquid steel × 1.05 = 42.119 kg = 0.042119 t
        // per t crude steel (the allocated inventory would give 0.99 × 0.042119 = 0.04169781); the slag's 0.01 × 0.042119 = 0.00042119 t
        // is restored on its own line.
        var cbam = Assert.Single(result.Views, v => v.Id == "cbam");
        Assert.Equal(0.042119, cbam.Line("see-direct")!.Value, 12);
        Assert.Equal(1, cbam.Line("activity-level")!.Value, 12);
        Assert.Equal(0.00042119, cbam.Line("allocation-restored-direct")!.Value, 12);

        // (b) The end-of-life view's scrap input is physical: 1.1 t per t liquid steel × 1.05 = 1.155 kg per kg (not 0.99 × 1.155 =
        // 1.14345); -(0.85 - 1.155) × 1.5 × 1000 kg = +457.5 kg CO2e, a burden, reported apart.
        var endOfLife = Assert.Single(result.Views, v => v.Id == SteelEndOfLifeView.ViewId);
        Assert.Equal(1.155, endOfLife.Line("scrap-input-per-kg")!.Value, 12);
        Assert.Equal(457.5, endOfLife.Line("end-of-life-credit")!.Value, 9);
        Assert.Equal(result.TotalExcludingBiogenicUptake.Value, endOfLife.Line("cradle-to-gate")!.Value, 9);
    }

    [Fact]
    public async Task SystemExpansion_CbamView_IsTheSharedViewUnchanged()
    {
        // Without allocation nothing is restored: the steel CBAM view is the shared view's lines, with no extra line.
        using var services = await ServicesWithFactorsOfAsync("scrap-eaf-mass-balance.vector.json");
        using var scope = services.CreateScope();
        var result = await CalculateAsync(scope.ServiceProvider.GetRequiredService<IFootprintCalculator>(), ScrapEaf, EafSite);

        var cbam = Assert.Single(result.Views, v => v.Id == "cbam");
        var shared = new Templates.Cbam.CbamView(new Templates.Cbam.CbamGood(SteelProductName, "7207", CountsIndirect: false)).Compute(result);
        Assert.Null(cbam.Line("allocation-restored-direct"));
        Assert.Equal(shared.Lines.Select(l => (l.Key, l.Value)), cbam.Lines.Select(l => (l.Key, l.Value)));
        Assert.Equal(0.042119, cbam.Line("see-direct")!.Value, 12);
    }

    [Fact]
    public void EconomicAllocation_WithoutAPrice_NamesTheMissingPrice()
    {
        var result = ScrapEaf.Build(EafSite.Set("coProductMethod", "economic-allocation").Set("eafSlagSold", 0.15).Set("priceLiquidSteel", 2970));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("priceEafSlag", problem.Path);
        Assert.Equal(ProblemCodes.InconsistentParameters, problem.Code);
    }

    [Fact]
    public async Task ColdRolledCoil_FromCrudeSteel_ByHand()
    {
        // Crude steel of scrap-eaf-mass-balance: 380.819 kg CO2e per t. Natural gas 38.931 MJ/Nm3 × 15.3 kg C/GJ = 0.5956443 kg C/Nm3 (NDRC).
        // Hot rolling (per t coil): 1.04 × 380.819 = 396.05176 + 30 Nm3 × 0.5956443 × 44/12 = 65.520873 + 30 × 0.3 = 9 + 100 kWh × 0.6 = 60
        //   = 530.572633 kg. Cold rolling (per t): 1.05 × 530.572633 = 557.10126465 + 10 × 0.5956443 × 44/12 = 21.840291 + 10 × 0.3 = 3
        //   + 150 × 0.6 = 90 = 671.94155565 kg CO2e per t of cold-rolled coil (worked line by line in scrap-eaf-cold-rolled-coil).
        using var services = await ServicesWithFactorsOfAsync("scrap-eaf-cold-rolled-coil.vector.json");
        using var scope = services.CreateScope();
        var result = await CalculateAsync(scope.ServiceProvider.GetRequiredService<IFootprintCalculator>(), ScrapEaf, EafSite.Set("product", "cold-rolled-coil")
            .Set("hotRollingYield", 1.04).Set("hotRollingNaturalGas", 30).Set("hotRollingElectricity", 100)
            .Set("coldRollingYield", 1.05).Set("coldRollingNaturalGas", 10).Set("coldRollingElectricity", 150));

        Assert.Equal(671.94155565, result.TotalExcludingBiogenicUptake.Value, 8);
        Assert.Equal(21.840291 + 3 + 90, result.ByProcess.Single(p => p.Process.Value == "cold-rolling").Total.Value, 9);
        Assert.Equal(1.05 * (65.520873 + 9 + 60), result.ByProcess.Single(p => p.Process.Value == "hot-rolling").Total.Value, 9);
    }

    [Fact]
    public async Task CoatedCoil_FromColdRolledCoil_ByHand()
    {
        // Cold-rolled coil as above: 671.94155565 kg CO2e per t. Hot-dip coating (per t coated coil): 1.02 × 671.94155565 = 685.380386763
        //   + zinc 40 kg × 3 kg CO2e/kg (invented factor) = 120 + 15 Nm3 × 0.5956443 kg C/Nm3 × 44/12 = 32.7604365 + gas upstream 15 × 0.3 = 4.5
        //   + 60 kWh × 0.6 = 36 = 878.640823263 kg CO2e per t of coated coil (worked line by line in scrap-eaf-coated-coil).
        // CBAM direct: 0.0327604365 + 1.02 × 0.13663115565 = 0.172124215263 t/t (zinc is no precursor: upstream, left out).
        using var services = await ServicesWithFactorsOfAsync("scrap-eaf-coated-coil.vector.json");
        using var scope = services.CreateScope();
        var result = await CalculateAsync(scope.ServiceProvider.GetRequiredService<IFootprintCalculator>(), ScrapEaf, EafSite.Set("product", "coated-coil")
            .Set("hotRollingYield", 1.04).Set("hotRollingNaturalGas", 30).Set("hotRollingElectricity", 100)
            .Set("coldRollingYield", 1.05).Set("coldRollingNaturalGas", 10).Set("coldRollingElectricity", 150)
            .Set("coatingYield", 1.02).Set("coatingZinc", 40).Set("coatingNaturalGas", 15).Set("coatingElectricity", 60));

        Assert.Equal(878.640823263, result.TotalExcludingBiogenicUptake.Value, 8);
        Assert.Equal(120 + 32.7604365 + 4.5 + 36, result.ByProcess.Single(p => p.Process.Value == "coating").Total.Value, 9);
        Assert.Equal(1.02 * (21.840291 + 3 + 90), result.ByProcess.Single(p => p.Process.Value == "cold-rolling").Total.Value, 9);
        Assert.Equal(1.02 * 1.05 * 1.04 * 1.05, result.ByProcess.Single(p => p.Process.Value == "eaf").Runs, 12);
        var cbam = Assert.Single(result.Views, v => v.Id == "cbam");
        Assert.Equal(0.172124215263, cbam.Line("see-direct")!.Value, 11);
        Assert.Equal(1.02, cbam.Line("precursor:cold-rolled-steel:mass")!.Value, 12);
    }

    [Fact]
    public void CbamTags_MarkTheInstallationAndThePrecursors()
    {
        var crude = BfBof.Build(BfBofSite).ThrowIfInvalid();
        Assert.True(Process(crude, "casting").HasTag(Tag.Parse("cbam:installation")));
        Assert.True(Process(crude, "bof").HasTag(Tag.Parse("cbam:installation")));
        Assert.True(Process(crude, "blast-furnace").HasTag(Tag.Parse("cbam:precursor=pig-iron")));
        Assert.Contains(crude.System.Flows, f => f.Id.Value == "electricity" && f.Tags.Contains(Tag.Parse("cbam:electricity")));

        var coil = BfBof.Build(BfBofSite.Set("product", "hot-rolled-coil").Set("hotRollingYield", 1.03).Set("hotRollingElectricity", 100)).ThrowIfInvalid();
        Assert.True(Process(coil, "hot-rolling").HasTag(Tag.Parse("cbam:installation")));
        Assert.True(Process(coil, "casting").HasTag(Tag.Parse("cbam:precursor=crude-steel")));
    }

    [Fact]
    public void Tier1Template_SharesNotSummingTo100_IsAProblemNamingTheParameter()
    {
        var problem = Assert.Single(new IpccTier1Template().Build(TemplateInput.Empty.Set("shareBof", 70)).Problems);
        Assert.Equal("shareBof", problem.Path);
        Assert.Contains("105 %", problem.Message, StringComparison.Ordinal);
    }

    private const string SteelProductName = "Crude steel (cast semi-finished: slab, billet, bloom)";

    private static Model.Process Process(TemplateBuild build, string id) => build.System.Processes.Single(p => p.Id.Value == id);

    private static Derivation Co2Derivation(TemplateBuild build, string process) =>
        Process(build, process).Emissions.Select(e => e.Derivation).OfType<Derivation>().Single(d => d.Name.EndsWith("CO2 by carbon mass balance", StringComparison.Ordinal));

    private static Task<ServiceProvider> BfBofServicesAsync() => ServicesWithFactorsOfAsync("bf-bof-blast-furnace-mass-balance.vector.json");

    /// <summary>Services with the inline factors of a steel vector (invented round values, so the tests can be worked by hand).</summary>
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

    private static async Task<double> TotalAsync(IFootprintCalculator calculator, TemplateInput input)
    {
        var build = BfBof.Build(input).ThrowIfInvalid();
        return (await calculator.CalculateAsync(build)).ThrowIfInvalid().TotalExcludingBiogenicUptake.Value;
    }
}
