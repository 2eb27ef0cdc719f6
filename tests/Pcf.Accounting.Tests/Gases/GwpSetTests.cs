using System.Globalization;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Gases;

public sealed class GwpSetTests
{
    [Theory]
    // GHG Protocol GWP values (Feb 2016), AR4 column: CH4 25, N2O 298, SF6 22 800, HFC-134a 1 430.
    [InlineData("AR4", "CH4-fossil", 25)]
    [InlineData("AR4", "CH4-biogenic", 25)]
    [InlineData("AR4", "N2O", 298)]
    [InlineData("AR4", "SF6", 22800)]
    [InlineData("AR4", "HFC134a", 1430)]
    // AR5 WG1 Ch.8 (GHG Protocol 2016 table): CH4 28, N2O 265, SF6 23 500, NF3 16 100, CF4 6 630.
    [InlineData("AR5", "CH4-fossil", 28)]
    [InlineData("AR5", "N2O", 265)]
    [InlineData("AR5", "SF6", 23500)]
    [InlineData("AR5", "NF3", 16100)]
    [InlineData("AR5", "CF4", 6630)]
    // AR5 WG1 Ch.8 Table 8.7 with climate-carbon feedback: CH4 34, N2O 298.
    [InlineData("AR5-ccf", "CH4-biogenic", 34)]
    [InlineData("AR5-ccf", "N2O", 298)]
    // AR6 WG1 Ch.7 Table 7.15: CH4 fossil 29.8, non-fossil 27.0; Table 7.SM.7: N2O 273, SF6 25 200, HFC-23 14 600.
    [InlineData("AR6", "CH4-fossil", 29.8)]
    [InlineData("AR6", "CH4-biogenic", 27.0)]
    [InlineData("AR6", "N2O", 273)]
    [InlineData("AR6", "SF6", 25200)]
    [InlineData("AR6", "HFC23", 14600)]
    [InlineData("AR6", "CO2-fossil", 1)]
    [InlineData("AR6", "CO2-biogenic", 1)]
    public void FactorOf_PublishedValues(string set, string gas, double expected) =>
        Assert.Equal(expected, GwpSet.Find(set).FactorOf(GreenhouseGas.Find(gas)));

    [Fact]
    public void Ar5_TenKilogramsOfSf6_Is235000KilogramsCo2e() =>
        // 10 kg × 23 500 kg CO2e/kg (AR5) = 235 000 kg CO2e.
        Assert.Equal(235_000, 10 * GwpSet.Ar5.FactorOf(GreenhouseGas.Sf6));

    [Theory]
    [InlineData("AR4", "AR4GWP100")]
    [InlineData("AR5", "AR5GWP100")]
    [InlineData("AR5-ccf", "AR5CCFGWP100")]
    [InlineData("AR6", "AR6GWP100")]
    public void BuiltInSets_AgreeWithTheVendoredReferenceTable(string set, string column)
    {
        // TestData/ghg/globalwarmingpotentials.csv: the CC0 table of openclimatedata/globalwarmingpotentials (TestData/ghg/SOURCES.md),
        // a copy independent of the one the library embeds.
        var lines = File.ReadAllLines(Paths.TestData("ghg/globalwarmingpotentials.csv")).Where(l => !l.StartsWith('#')).ToArray();
        int index = Array.IndexOf(lines[0].Split(','), column);
        var gwp = GwpSet.Find(set);
        int checkedRows = 0;
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (cells[index].Length == 0 || cells[0] == "CH4")
            {
                continue; // CH4 is split by origin: checked in FactorOf_PublishedValues
            }

            Assert.Equal(double.Parse(cells[index], CultureInfo.InvariantCulture), gwp.FactorOf(GreenhouseGas.Find(cells[0])));
            checkedRows++;
        }

        Assert.True(checkedRows > 50, $"only {checkedRows} rows checked");
    }

    [ReferenceFact("ghg")]
    public void VendoredReferenceTable_IsTheOfficialFileUnchanged() =>
        Assert.Equal(File.ReadAllBytes(Paths.Shared("ghg/globalwarmingpotentials.csv")), File.ReadAllBytes(Paths.TestData("ghg/globalwarmingpotentials.csv")));

    [Fact]
    public void Ar6_SplitsMethaneByOrigin_WhileAr5DoesNot()
    {
        Assert.NotEqual(GwpSet.Ar6.FactorOf(GreenhouseGas.Ch4Fossil), GwpSet.Ar6.FactorOf(GreenhouseGas.Ch4Biogenic));
        Assert.Equal(GwpSet.Ar5.FactorOf(GreenhouseGas.Ch4Fossil), GwpSet.Ar5.FactorOf(GreenhouseGas.Ch4Biogenic));
    }

    [Fact]
    public void EveryBuiltInSet_CoversTheGasesTheIssueNames()
    {
        var named = new[]
        {
            GreenhouseGas.Co2Fossil, GreenhouseGas.Co2Biogenic, GreenhouseGas.Ch4Fossil, GreenhouseGas.Ch4Biogenic,
            GreenhouseGas.N2O, GreenhouseGas.Sf6, GreenhouseGas.Nf3, GreenhouseGas.Hfc23, GreenhouseGas.Hfc32,
            GreenhouseGas.Hfc125, GreenhouseGas.Hfc134a, GreenhouseGas.Hfc143a, GreenhouseGas.Hfc152a,
            GreenhouseGas.Cf4, GreenhouseGas.C2F6,
        };
        foreach (var set in GwpSet.All)
        {
            Assert.All(named, gas => Assert.True(set.TryGetFactor(gas, out double f) && f > 0, $"{set} lacks {gas}"));
            Assert.Equal(100, set.HorizonYears);
            Assert.Contains("IPCC", set.Source, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ar6", "AR6")]
    [InlineData("AR5-CCF", "AR5-ccf")]
    [InlineData("ar5-ccf", "AR5-ccf")]
    public void TryFind_IgnoresCase(string id, string expected) =>
        Assert.Equal(expected, GwpSet.Find(id).Id);

    [Fact]
    public void Find_Unknown_ThrowsNamingTheChoices()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => GwpSet.Find("AR7"));
        Assert.Contains("'AR7'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AR6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UserDefinedSet_ForAUserDefinedGas()
    {
        var gas = GreenhouseGas.Define("HFO-1234yf-test", "a refrigerant for the test");
        var set = GwpSet.Create("MY-SET", "my set", "test data, not a published source", [new(gas, 0.5), new(GreenhouseGas.Co2Fossil, 1)]);
        Assert.Equal(0.5, set.FactorOf(gas));
        Assert.False(set.TryGetFactor(GreenhouseGas.N2O, out _));
        Assert.Equal(["CO2-fossil", "HFO-1234yf-test"], set.Gases.Select(g => g.Id));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void Create_RejectsBadFactors(double factor) =>
        Assert.Throws<ArgumentException>(() => GwpSet.Create("X", "x", "x", [new(GreenhouseGas.N2O, factor)]));
}
