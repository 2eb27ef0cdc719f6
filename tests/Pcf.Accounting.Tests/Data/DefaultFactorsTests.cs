using Pcf.Accounting.Data;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Data;

public class DefaultFactorsTests
{
    // Published values, kg per kWh, copied from ../shared/reference/methods/sector-methods.md section 5 (with the marks there).
    public static TheoryData<string, string, int, double, FactorConfidence> Published => new()
    {
        // MEE & NBS national average: 2021 [U], 2022 0.5366 [V], 2023 0.5306 [V].
        { "electricity/grid/combustion", "CN", 2021, 0.5568, FactorConfidence.Unverified },
        { "electricity/grid/combustion", "CN", 2022, 0.5366, FactorConfidence.Verified },
        { "electricity/grid/combustion", "CN", 2023, 0.5306, FactorConfidence.Verified },
        // Excluding market-traded non-fossil power: 2022 0.5856, 2023 0.6096 [V].
        { "electricity/grid/combustion/excluding-market-non-fossil", "CN", 2022, 0.5856, FactorConfidence.Verified },
        { "electricity/grid/combustion/excluding-market-non-fossil", "CN", 2023, 0.6096, FactorConfidence.Verified },
        // Fossil-only: 2021 0.8426 [U], 2022 0.8325 [U], 2023 0.8273 [V].
        { "electricity/grid/combustion/fossil-only", "CN", 2021, 0.8426, FactorConfidence.Unverified },
        { "electricity/grid/combustion/fossil-only", "CN", 2022, 0.8325, FactorConfidence.Unverified },
        { "electricity/grid/combustion/fossil-only", "CN", 2023, 0.8273, FactorConfidence.Verified },
        // Regional grids 2022 [S] / 2023 [V].
        { "electricity/grid/combustion", "CN-GRID-NORTH", 2022, 0.6776, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-GRID-NORTH", 2023, 0.6361, FactorConfidence.Verified },
        { "electricity/grid/combustion", "CN-GRID-NORTHEAST", 2022, 0.5564, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-GRID-NORTHEAST", 2023, 0.5122, FactorConfidence.Verified },
        { "electricity/grid/combustion", "CN-GRID-EAST", 2022, 0.5617, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-GRID-EAST", 2023, 0.5500, FactorConfidence.Verified },
        { "electricity/grid/combustion", "CN-GRID-CENTRAL", 2022, 0.5395, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-GRID-CENTRAL", 2023, 0.5271, FactorConfidence.Verified },
        { "electricity/grid/combustion", "CN-GRID-NORTHWEST", 2022, 0.5857, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-GRID-NORTHWEST", 2023, 0.5543, FactorConfidence.Verified },
        { "electricity/grid/combustion", "CN-GRID-SOUTH", 2022, 0.3869, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-GRID-SOUTH", 2023, 0.4042, FactorConfidence.Verified },
        { "electricity/grid/combustion", "CN-GRID-SOUTHWEST", 2022, 0.2268, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-GRID-SOUTHWEST", 2023, 0.2472, FactorConfidence.Verified },
        // Provinces [S], a sample of the table: Jiangsu, Yunnan, Sichuan, Beijing.
        { "electricity/grid/combustion", "CN-JS", 2021, 0.6451, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-JS", 2022, 0.5978, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-YN", 2022, 0.1073, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-SC", 2022, 0.1404, FactorConfidence.Secondary },
        { "electricity/grid/combustion", "CN-BJ", 2021, 0.5688, FactorConfidence.Secondary },
        // Life-cycle 2023 (MEE, NBS, NEA, 2025-01-17) [V], kg CO2e/kWh.
        { "electricity/grid", "CN", 2023, 0.6205, FactorConfidence.Verified },
        { "electricity/wind", "CN", 2023, 0.0336, FactorConfidence.Verified },
        { "electricity/solar-pv", "CN", 2023, 0.0545, FactorConfidence.Verified },
        { "electricity/biomass", "CN", 2023, 0.0457, FactorConfidence.Verified },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Embedded_ElectricityValue_EqualsPublishedNumber(string key, string region, int year, double kgPerKwh, FactorConfidence confidence)
    {
        var factor = Assert.Single(DefaultFactors.Catalog.Search(key, region, year), f => f.Key == key);
        Assert.Equal(Unit.KilowattHour, factor.PerUnit);
        Assert.Equal(kgPerKwh, Assert.Single(factor.Components).Amount);
        Assert.Equal(confidence, factor.Provenance.Confidence);
        Assert.False(string.IsNullOrWhiteSpace(factor.Provenance.Url));
        Assert.Equal(key.Contains("combustion", StringComparison.Ordinal) ? FactorKind.CombustionOnly : FactorKind.LifeCycle, factor.Provenance.Kind);
    }

    [Fact]
    public void Embedded_ProvincialValues_CoverEveryProvinceButTibetForBothYears()
    {
        var provinces = DefaultFactors.Catalog.Search("electricity/grid/combustion").Where(f => f.Region.StartsWith("CN-", StringComparison.Ordinal) && !f.Region.StartsWith("CN-GRID", StringComparison.Ordinal)).ToList();
        Assert.Equal(30 * 2, provinces.Count); // 31 mainland provinces less Tibet, 2021 and 2022
        Assert.All(provinces, f => Assert.Equal(FactorConfidence.Secondary, f.Provenance.Confidence));
    }

    [Theory]
    // IPCC 2006 Vol. 2 Table 1.4/2.2 default CO2 kg/TJ [S] and per tonne via Table 1.2 NCV: natural gas 56100 x 48.0 / 1000 = 2692.8 kg/t.
    [InlineData("fuel-combustion/natural-gas", "GLO", "TJ", 56100)]
    [InlineData("fuel-combustion/natural-gas", "GLO", "t", 2692.8)]
    [InlineData("fuel-combustion/bituminous-coal", "GLO", "TJ", 94600)]
    [InlineData("fuel-combustion/diesel", "GLO", "t", 3186.3)] // 74100 x 43.0 / 1000
    // China NDRC defaults [S], sector-methods.md 6 check 11: bituminous 23.204 x 0.02618 x 0.93 x 44/12 = 2.07151 t CO2/t;
    // natural gas 389.31 x 0.0153 x 0.99 x 44/12 = 21.6219 t CO2 per 10^4 Nm3 = 2.16219 kg/Nm3.
    [InlineData("fuel-combustion/bituminous-coal", "CN", "t", 2071.51)]
    [InlineData("fuel-combustion/natural-gas", "CN", "Nm3", 2.16219)]
    public void Embedded_FuelValue_MatchesSourceArithmetic(string key, string region, string unit, double expected)
    {
        var factor = Assert.Single(DefaultFactors.Catalog.Search(key, region), f => f.Key == key && f.PerUnit.Symbol == unit);
        Assert.Equal(expected, factor.Components[0].Amount, expected * 5e-6);
        Assert.Equal(FactorKind.CombustionOnly, factor.Provenance.Kind);
    }

    [Theory]
    // IPCC 2006 Vol. 2 Ch. 2 Tables 2.2/2.3 [S], kg per TJ (NCV basis): natural gas CH4 1, N2O 0.1; diesel CH4 3, N2O 0.6.
    // Per tonne via Table 1.2 NCV: natural gas 1 x 48.0 / 1000 = 0.048 CH4, 0.1 x 48.0 / 1000 = 0.0048 N2O;
    // diesel 3 x 43.0 / 1000 = 0.129 CH4, 0.6 x 43.0 / 1000 = 0.0258 N2O.
    [InlineData("fuel-combustion/natural-gas", "TJ", 1, 0.1)]
    [InlineData("fuel-combustion/natural-gas", "t", 0.048, 0.0048)]
    [InlineData("fuel-combustion/diesel", "TJ", 3, 0.6)]
    [InlineData("fuel-combustion/diesel", "t", 0.129, 0.0258)]
    // Table 2.3 (manufacturing industries and construction) [U], kg per TJ: coking coal CH4 10, N2O 1.5; blast furnace gas
    // CH4 1, N2O 0.1. Per tonne: coking coal 10 x 28.2 / 1000 = 0.282 CH4, 1.5 x 28.2 / 1000 = 0.0423 N2O.
    [InlineData("fuel-combustion/coking-coal", "TJ", 10, 1.5)]
    [InlineData("fuel-combustion/coking-coal", "t", 0.282, 0.0423)]
    [InlineData("fuel-combustion/blast-furnace-gas", "TJ", 1, 0.1)]
    public void Embedded_IpccCh4AndN2O_MatchTheTables(string key, string unit, double ch4, double n2o)
    {
        var factor = Assert.Single(DefaultFactors.Catalog.Search(key, "GLO"), f => f.Key == key && f.PerUnit.Symbol == unit && f.Region == "GLO");
        Assert.Equal(ch4, factor.Components.Single(c => c.Gas == GreenhouseGas.Ch4Fossil).Amount, 12);
        Assert.Equal(n2o, factor.Components.Single(c => c.Gas == GreenhouseGas.N2O).Amount, 12);
    }

    [Fact]
    public async Task NaturalGasPerTj_InAr6_IsCo2PlusCh4PlusN2O()
    {
        // 56100 + 1 x 29.8 (AR6 fossil CH4) + 0.1 x 273 (AR6 N2O) = 56100 + 29.8 + 27.3 = 56157.1 kg CO2e per TJ.
        var request = new FactorRequest("fuel-combustion/natural-gas", "GLO", null, Unit.Terajoule);
        var result = await new FactorResolver([DefaultFactors.Provider]).ResolveAsync([request], GwpSet.Ar6);
        Assert.Equal(56157.1, result.Value[request].Co2ePerRequestedUnit, 9);
    }

    [Fact]
    public async Task JiangsuIn2023_LifeCycleGrid_FallsBackToNational_AndIsLifeCycle()
    {
        var request = new FactorRequest("electricity/grid", "CN-JS", 2023, Unit.MegawattHour);
        var result = await new FactorResolver([DefaultFactors.Provider]).ResolveAsync([request], GwpSet.Ar6);

        var resolved = result.Value[request];
        Assert.Equal(FactorKind.LifeCycle, resolved.Kind);
        Assert.Equal(620.5, resolved.Co2ePerRequestedUnit, 9); // 0.6205 kg/kWh x 1000
        Assert.Equal<FactorFallback>([new RegionFallback("CN-JS", "CN", 2), new UnitConversion(Unit.KilowattHour, Unit.MegawattHour, 1000)], resolved.Match.Fallbacks.ToArray());
        Assert.Equal(["PCF0404"], result.Value.Warnings.Select(w => w.Code)); // the GWP set of the CO2e figure is not stated
    }

    [Fact]
    public async Task JiangsuIn2023_CombustionGrid_FallsBackToEastGrid2023()
    {
        var request = new FactorRequest("electricity/grid/combustion", "CN-JS", 2023, Unit.KilowattHour);
        var resolved = (await new FactorResolver([DefaultFactors.Provider]).ResolveAsync([request], GwpSet.Ar6)).Value[request];

        Assert.Equal(0.55, resolved.Co2ePerRequestedUnit, 12); // East China grid 2023, CO2 x GWP 1
        Assert.Equal(FactorKind.CombustionOnly, resolved.Kind);
        Assert.Equal<FactorFallback>([new RegionFallback("CN-JS", "CN-GRID-EAST", 1)], resolved.Match.Fallbacks.ToArray());
    }

    [Fact]
    public void Datasets_AllLoad_AndEveryFactorNamesItsSource()
    {
        Assert.Equal(DefaultFactors.Datasets.Sum(d => DefaultFactors.ReadDataset(d).Count), DefaultFactors.Catalog.Count);
        Assert.All(DefaultFactors.Catalog.Factors, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Provenance.Publisher));
            Assert.False(string.IsNullOrWhiteSpace(f.Provenance.Document));
            Assert.NotEqual(FactorConfidence.NotStated, f.Provenance.Confidence);
            Assert.NotNull(f.Provenance.Dataset);
        });
    }

    [Theory]
    // The Table 2.2/2.3 oil and gas values come from a transcription citing pages [S]; the Table 2.3 values of the
    // other fuels from one with a known error elsewhere [U]: the least certain component marks the whole factor.
    [InlineData("fuel-combustion/natural-gas", FactorConfidence.Secondary)]
    [InlineData("fuel-combustion/coking-coal", FactorConfidence.Unverified)]
    [InlineData("fuel-combustion/coke-oven-gas", FactorConfidence.Unverified)]
    public void Embedded_IpccCh4AndN2O_CarryTheirConfidence(string key, FactorConfidence confidence) =>
        Assert.All(DefaultFactors.Catalog.Search(key, "GLO").Where(f => f.Key == key && f.Region == "GLO"),
            f => Assert.Equal(confidence, f.Provenance.Confidence));
}
