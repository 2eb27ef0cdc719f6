using Pcf.Accounting.Data;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Data;

/// <summary>Spot checks of the open datasets against their source files (eng/factors/sources/), each citing the row and column read.</summary>
public class OpenDatasetsTests
{
    private static EmissionFactor Factor(string key, string region, int? year, string unit) =>
        Assert.Single(DefaultFactors.Catalog.Search(key, region, year), f => f.Key == key && f.PerUnit.Symbol == unit);

    [Theory]
    // DESNZ 2025 flat file, sheet 'Factors by Category', column J 'GHG Conversion Factor 2025':
    // natural gas per cubic metre, row 75 total 2.06672, rows 76-78 CO2 2.0627, CH4 0.00307, N2O 0.00095 (kg CO2e);
    // 'WTT- fuels' row 3475: 0.3366. Combustion = 2.0627 + (0.00307 + 0.00095 = 0.00402); life cycle = 2.06672 + 0.3366 = 2.40332.
    [InlineData("fuel-combustion/natural-gas", "m3", 2.0627, 0.00402)]
    [InlineData("fuel-upstream/natural-gas", "m3", null, 0.3366)]
    [InlineData("fuel/natural-gas", "m3", 2.0627, 0.34062)] // 0.00402 + 0.3366
    // Per tonne: row 71 total 2575.46441, rows 72-74 CO2 2570.42, CH4 3.8528, N2O 1.19161; WTT row 3474: 423.16368.
    [InlineData("fuel/natural-gas", "t", 2570.42, 428.20809)] // 3.8528 + 1.19161 + 423.16368
    // Coal (industrial) per tonne: row 407 total 2395.28994, rows 408-410 CO2 2370.72, CH4 7.6384, N2O 16.93154; WTT row 3558: 418.14964.
    [InlineData("fuel/coal-industrial", "t", 2370.72, 442.71958)] // 7.6384 + 16.93154 + 418.14964
    // Coking coal WTT per tonne: row 3567: 497.73658.
    [InlineData("fuel-upstream/coking-coal", "t", null, 497.73658)]
    public void Desnz_Fuel_MatchesTheFlatFile(string key, string unit, double? co2, double co2e)
    {
        var f = Factor(key, "GB", 2025, unit);
        Assert.Equal(co2, f.Components.Where(c => c.Gas == GreenhouseGas.Co2Fossil).Select(c => (double?)c.Amount).SingleOrDefault());
        Assert.Equal(co2e, f.Components.Single(c => c.IsCo2e).Amount, 9);
        Assert.Equal(GwpSet.Ar5, f.GwpBasis); // full set, sheet 'Introduction', row 35: AR5 GWPs
        Assert.Equal(FactorConfidence.Verified, f.Provenance.Confidence);
        Assert.Equal("pcf-accounting/desnz-2025-fuels", f.Provenance.Dataset);
        Assert.Contains("Open Government Licence", f.Provenance.Licence, StringComparison.Ordinal);
        Assert.Equal(key.StartsWith("fuel/", StringComparison.Ordinal) ? FactorKind.LifeCycle : key.StartsWith("fuel-combustion/", StringComparison.Ordinal) ? FactorKind.CombustionOnly : FactorKind.Unspecified, f.Provenance.Kind);
    }

    [Fact]
    public void Desnz_UkGridLifeCycle_IsGenerationPlusLossesPlusTheirWellToTank()
    {
        // Rows 3066 (generation 0.177), 3627 (T&D 0.01853), 3939 (WTT generation 0.0459), 3940 (WTT T&D 0.00397), column J:
        // 0.177 + 0.01853 + 0.0459 + 0.00397 = 0.2454 kg CO2e per kWh consumed.
        var lifeCycle = Factor("electricity/grid", "GB", 2025, "kWh");
        Assert.Equal(0.2454, lifeCycle.Components.Single().Amount, 12);
        Assert.Equal(FactorKind.LifeCycle, lifeCycle.Provenance.Kind);
        // Generation: row 3067 CO2 0.17489, rows 3068-3069 CH4 0.0009 + N2O 0.00122 = 0.00212 kg CO2e (their sum, 0.17701, is
        // the published total of row 3066, 0.177, before its rounding).
        var generation = Factor("electricity/grid/combustion", "GB", 2025, "kWh");
        Assert.Equal(0.17489, generation.Components.Single(c => c.Gas == GreenhouseGas.Co2Fossil).Amount, 12);
        Assert.Equal(0.00212, generation.Components.Single(c => c.IsCo2e).Amount, 12);
        Assert.Equal(FactorKind.CombustionOnly, generation.Provenance.Kind);
    }

    [Theory]
    // 'Material use', column J, kg CO2e per tonne: row 4092 PP primary 2577.57172; row 4095 PP closed-loop 1312.57172;
    // row 4064 steel cans primary 2863.90131; row 4052 aluminium cans and foil primary 9115.90131; row 4055 closed-loop 995.0779;
    // row 4004 glass primary 1402.76667; row 4104 board primary 1199.72542.
    [InlineData("material/plastic/pp/primary", 2577.57172)]
    [InlineData("material/plastic/pp/closed-loop-recycled", 1312.57172)]
    [InlineData("material/metal/steel-cans/primary", 2863.90131)]
    [InlineData("material/metal/aluminium-cans-and-foil/primary", 9115.90131)]
    [InlineData("material/metal/aluminium-cans-and-foil/closed-loop-recycled", 995.0779)]
    [InlineData("material/other/glass/primary", 1402.76667)]
    [InlineData("material/paper/board/primary", 1199.72542)]
    public void Desnz_Material_MatchesTheFlatFile(string key, double kgPerTonne)
    {
        var f = Factor(key, "GB", 2025, "t");
        Assert.Equal(kgPerTonne, f.Components.Single().Amount, 9);
        Assert.Equal(FactorKind.LifeCycle, f.Provenance.Kind);
    }

    [Theory]
    // eng/factors/sources/ember/average-intensities-b459b5e.json (co2.js 2025-08-03): DEU 2024 342.06, JPN 2024 483.73,
    // EU 2024 213.02 g CO2e/kWh; average-intensities-03b5e45.json (2024-05-03): DEU 2023 380.95.
    [InlineData("DE", 2024, 0.34206)]
    [InlineData("DE", 2023, 0.38095)]
    [InlineData("JP", 2024, 0.48373)]
    [InlineData("EU", 2024, 0.21302)]
    public void Ember_LifeCycleIntensity_MatchesTheSnapshot(string region, int year, double kgPerKwh)
    {
        var f = Factor("electricity/grid", region, year, "kWh");
        Assert.Equal(kgPerKwh, f.Components.Single().Amount, 12);
        Assert.Equal(FactorKind.LifeCycle, f.Provenance.Kind);
        Assert.Equal(FactorConfidence.Secondary, f.Provenance.Confidence); // a third-party snapshot of Ember's data
        Assert.Contains("CC BY 4.0", f.Provenance.Licence, StringComparison.Ordinal);
    }

    [Theory]
    // Hub 2024 (eGRID2022), sheet 'Emission Factors Hub', row 335 (CAMX), columns E-G: 497.443 lb CO2, 0.03 lb CH4, 0.004 lb N2O per MWh;
    // x 0.45359237 kg/lb = 225.636349, 0.0136077711, 0.00181436948 kg. Hub 2023 (eGRID2021) row 328: 531.7 lb CO2 -> 241.175063 kg.
    [InlineData("US-EGRID-CAMX", 2022, 225.636349, 0.0136077711, 0.00181436948)]
    [InlineData("US-EGRID-CAMX", 2021, 241.175063, 0.0140613635, 0.00181436948)]
    // Row 359 (US Average, 2022): 823.149, 0.066, 0.009 lb -> 373.374106, 0.0299370964, 0.00408233133 kg.
    [InlineData("US", 2022, 373.374106, 0.0299370964, 0.00408233133)]
    public void Egrid_Subregion_MatchesTheHubTable6(string region, int year, double co2, double ch4, double n2o)
    {
        var f = Factor("electricity/grid/combustion", region, year, "MWh");
        Assert.Equal(co2, f.Components.Single(c => c.Gas == GreenhouseGas.Co2Fossil).Amount, 6);
        Assert.Equal(ch4, f.Components.Single(c => c.Gas == GreenhouseGas.Ch4Fossil).Amount, 10);
        Assert.Equal(n2o, f.Components.Single(c => c.Gas == GreenhouseGas.N2O).Amount, 11);
        Assert.Equal(FactorKind.CombustionOnly, f.Provenance.Kind);
        Assert.Equal("US Government work, public domain", f.Provenance.Licence);
    }

    [Fact]
    public void Useeio_SpendFactor_MatchesTheCsv_AndIsMarkedLowestQuality()
    {
        // SupplyChainGHGEmissionFactors_v1.2_NAICS_CO2e_USD2021.csv line 299: 331110 Iron and Steel Mills and Ferroalloy
        // Manufacturing, 'Supply Chain Emission Factors with Margins' = 0.979 kg CO2e per 2021 USD.
        var f = Assert.Single(DefaultFactors.Catalog.Search("spend/naics/331110"));
        Assert.Equal(Unit.Currency("USD"), f.PerUnit);
        Assert.Equal(0.979, f.Components.Single().Amount, 12);
        Assert.Equal("US", f.Region);
        Assert.Null(f.Year);
        Assert.Equal(new DataQuality(5, 5, 5, 5, 5), f.DataQuality);
        Assert.Equal(GwpSet.Ar4, f.GwpBasis);
    }

    [Fact]
    public void EveryOpenFactor_NamesDatasetVersionLicenceAndWhereItWasRead()
    {
        string[] open = ["desnz-2025-fuels", "desnz-2025-electricity", "desnz-2025-materials", "ember-electricity-lifecycle", "us-epa-egrid-subregions", "us-epa-useeio-spend"];
        foreach (var dataset in open)
        {
            var catalog = DefaultFactors.ReadDataset(dataset);
            Assert.True(catalog.Count > 0, dataset);
            Assert.All(catalog.Factors, f =>
            {
                Assert.Equal("pcf-accounting/" + dataset, f.Provenance.Dataset);
                Assert.Equal("2026.2", f.Provenance.DatasetVersion);
                Assert.False(string.IsNullOrWhiteSpace(f.Provenance.Licence));
                Assert.False(string.IsNullOrWhiteSpace(f.Provenance.Note));
                Assert.Matches(@"row \d+|[Ll]ine \d+|entry '", f.Provenance.Note!);
            });
        }
    }
}
