using Pcf.Accounting.Factors;
using Pcf.Accounting.Units;
using static Pcf.Accounting.Tests.Factors.FactorTestData;

namespace Pcf.Accounting.Tests.Factors;

public class FactorCatalogTests
{
    private static readonly DataQuality Good = new(1, 1, 1, 1, 1);

    private static readonly FactorCatalog Grid = new(
    [
        Co2PerKwh("electricity/grid", "CN-JS", 2022, 0.5978, Good),
        Co2PerKwh("electricity/grid", "CN-GRID-EAST", 2023, 0.5500, Good),
        Co2PerKwh("electricity/grid", "CN", 2023, 0.5306, Good),
        Co2PerKwh("electricity/grid", "CN", 2019, 0.6000, Good),
    ]);

    [Fact]
    public void Find_ExactRegionAndYear_HasNoFallbacks()
    {
        var match = Grid.Find(Request("electricity/grid", "CN-JS", 2022), "p").Match!;
        Assert.Equal(0.5978, match.Factor.Components[0].Amount);
        Assert.True(match.IsExact);
        Assert.Equal(Good, match.DataQuality);
    }

    [Fact]
    public void Find_ProvinceIn2023_FallsBackToEastGridSameYear_AndRecordsIt()
    {
        var match = Grid.Find(Request("electricity/grid", "CN-JS", 2023), "p").Match!;
        Assert.Equal("CN-GRID-EAST", match.Factor.Region);
        Assert.Equal<FactorFallback>([new RegionFallback("CN-JS", "CN-GRID-EAST", 1)], match.Fallbacks.ToArray());
        Assert.Equal(2, match.DataQuality!.Value.Geographical); // 1 + one step x penalty 1
    }

    [Fact]
    public void Find_PreferSameRegion_GoesBackAYearInTheProvince()
    {
        var policy = FallbackPolicy.Default with { Order = FallbackOrder.PreferSameRegion };
        var match = Grid.Find(Request("electricity/grid", "CN-JS", 2023), "p", policy).Match!;
        Assert.Equal("CN-JS", match.Factor.Region);
        Assert.Equal<FactorFallback>([new YearFallback(2023, 2022)], match.Fallbacks.ToArray());
        Assert.Equal(2, match.DataQuality!.Value.Temporal);
    }

    [Fact]
    public void Find_YearWithinLimit_UsesNearestEarlierYear()
    {
        var match = Grid.Find(Request("electricity/grid", "CN", 2026), "p").Match!; // 2026 - 3 = 2023, the limit
        Assert.Equal(2023, match.Factor.Year);
        Assert.Equal<FactorFallback>([new YearFallback(2026, 2023)], match.Fallbacks.ToArray());
        Assert.Equal(4, match.DataQuality!.Value.Temporal);
    }

    [Fact]
    public void Find_YearBeyondLimit_FindsNothing() =>
        Assert.Equal(FactorLookupStatus.NotFound, Grid.Find(Request("electricity/grid", "CN", 2027), "p").Status); // 2027 - 3 = 2024: no factor from 2024 to 2027

    [Fact]
    public void Find_LaterYearOnly_IsNeverUsed() =>
        Assert.Equal(FactorLookupStatus.NotFound, Grid.Find(Request("electricity/grid", "CN", 2018), "p").Status);

    [Fact]
    public void Find_PerMegawattHour_ConvertsPerKilowattHourByThousand()
    {
        var match = Grid.Find(Request("electricity/grid", "CN", 2023, Unit.MegawattHour), "p").Match!;
        Assert.Equal(1000, match.ConversionToRequestedUnit);
        Assert.Equal(530.6, match.AmountPerRequestedUnit(match.Factor.Components[0]), 12); // 0.5306 kg/kWh x 1000 kWh/MWh
        Assert.Contains(new UnitConversion(Unit.KilowattHour, Unit.MegawattHour, 1000), match.Fallbacks);
        Assert.Equal(Good, match.DataQuality); // an exact conversion costs no quality
    }

    [Fact]
    public void Find_WrongDimension_SaysSo_NeverConverts()
    {
        var lookup = Grid.Find(Request("electricity/grid", "CN", 2023, Unit.Kilogram), "p");
        Assert.Equal(FactorLookupStatus.WrongDimension, lookup.Status);
        Assert.Equal(Unit.KilowattHour, lookup.FactorUnit);
        Assert.Null(lookup.Match);
    }

    [Fact]
    public void Find_NoYear_TakesLatest()
    {
        var match = Grid.Find(Request("electricity/grid", "CN", null), "p").Match!;
        Assert.Equal(2023, match.Factor.Year);
        Assert.True(match.IsExact);
    }

    [Fact]
    public void Find_UnknownRegion_FallsBackToGlobalOnly()
    {
        var catalog = new FactorCatalog([Co2PerKwh("x", "GLO", null, 1)]);
        var match = catalog.Find(Request("x", "ZZ", 2024), "p").Match!;
        Assert.Equal<FactorFallback>([new RegionFallback("ZZ", "GLO", 1)], match.Fallbacks.ToArray());
        Assert.Equal(FactorLookupStatus.NotFound, catalog.Find(Request("x", "ZZ", 2024), "p", FallbackPolicy.ExactOnly).Status);
    }

    [Fact]
    public void RegionHierarchy_China_ChainsProvinceGridCountryWorld() =>
        Assert.Equal(["CN-JS", "CN-GRID-EAST", "CN", "GLO"], RegionHierarchy.China.Chain("CN-JS"));

    [Fact]
    public void RegionHierarchy_Cycle_IsRejected() =>
        Assert.Throws<ArgumentException>(() => RegionHierarchy.Create([new("A", "B"), new("B", "A")]));

    [Fact]
    public void Search_ByTextRegionYear_Filters() =>
        Assert.Single(Grid.Search("GRID", region: "cn", year: 2019));
}
