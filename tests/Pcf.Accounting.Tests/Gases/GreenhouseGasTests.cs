using Pcf.Accounting.Gases;

namespace Pcf.Accounting.Tests.Gases;

public sealed class GreenhouseGasTests
{
    [Theory]
    [InlineData("CO2", "CO2-fossil")]
    [InlineData("CH4", "CH4-fossil")]
    [InlineData("CH4-non-fossil", "CH4-biogenic")]
    [InlineData("HFC-134a", "HFC134a")]
    [InlineData("HCFC-22", "HCFC22")]
    [InlineData("SF6", "SF6")]
    public void Find_AcceptsCommonSpellings(string spelling, string id) =>
        Assert.Equal(id, GreenhouseGas.Find(spelling).Id);

    [Theory]
    [InlineData("co2")]
    [InlineData("sf6")]
    [InlineData("")]
    [InlineData("H2O")]
    public void TryFind_UnknownOrWrongCase_IsFalse(string spelling) =>
        Assert.False(GreenhouseGas.TryFind(spelling, out _));

    [Fact]
    public void Origins_AreSplitForCarbonGases()
    {
        Assert.Equal(CarbonOrigin.Fossil, GreenhouseGas.Co2Fossil.Origin);
        Assert.Equal(CarbonOrigin.Biogenic, GreenhouseGas.Ch4Biogenic.Origin);
        Assert.Equal(CarbonOrigin.NotApplicable, GreenhouseGas.N2O.Origin);
        Assert.Equal("CO2", GreenhouseGas.Co2Biogenic.Formula);
    }

    [Fact]
    public void All_IsOrderedById_AndHoldsTheIpccTable()
    {
        var ids = GreenhouseGas.All.Select(g => g.Id).ToArray();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("HFE7100", ids); // a table row with no values is still a known species
        Assert.DoesNotContain("CH4", ids); // split into CH4-fossil and CH4-biogenic
        Assert.True(ids.Length > 100);
    }

    [Fact]
    public void Equality_IsById()
    {
        Assert.Equal(GreenhouseGas.Find("HFC134a"), GreenhouseGas.Hfc134a);
        Assert.True(GreenhouseGas.Find("SF6") == GreenhouseGas.Sf6);
        Assert.True(GreenhouseGas.Co2Biogenic < GreenhouseGas.Co2Fossil);
    }

    [Fact]
    public void Define_RejectsBuiltInIds() =>
        Assert.Throws<ArgumentException>(() => GreenhouseGas.Define("SF6", "not allowed"));
}
