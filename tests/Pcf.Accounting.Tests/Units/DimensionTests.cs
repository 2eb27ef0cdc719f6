using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Units;

public sealed class DimensionTests
{
    [Fact]
    public void ToString_GivesLowerCaseNames()
    {
        Assert.Equal("dimensionless", Dimension.Dimensionless.ToString());
        Assert.Equal("mass", Dimension.Mass.ToString());
        Assert.Equal("energy", Dimension.Energy.ToString());
        Assert.Equal("volume", Dimension.Volume.ToString());
        Assert.Equal("length", Dimension.Length.ToString());
        Assert.Equal("area", Dimension.Area.ToString());
        Assert.Equal("time", Dimension.Time.ToString());
        Assert.Equal("count", Dimension.Count.ToString());
        Assert.Equal("mass-distance", Dimension.MassDistance.ToString());
        Assert.Equal("currency:EUR", Dimension.Currency("EUR").ToString());
    }

    [Fact]
    public void Default_IsDimensionless() => Assert.Equal(Dimension.Dimensionless, default);

    [Fact]
    public void Currency_EachCodeIsItsOwnDimension()
    {
        Assert.Equal(Dimension.Currency("CNY"), Dimension.Currency("CNY"));
        Assert.NotEqual(Dimension.Currency("EUR"), Dimension.Currency("CNY"));
        Assert.Equal(DimensionKind.Currency, Dimension.Currency("CNY").Kind);
        Assert.Equal("CNY", Dimension.Currency("CNY").CurrencyCode);
        Assert.Null(Dimension.Mass.CurrencyCode);
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    [InlineData("ÄBC")]
    public void Currency_InvalidCode_ThrowsArgumentException(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => Dimension.Currency(code));
        Assert.Equal("isoCode", ex.ParamName);
    }

    [Fact]
    public void DimensionKind_HasStableSerializedValues()
    {
        // Serialized: these numbers never change.
        Assert.Equal(0, (int)DimensionKind.Dimensionless);
        Assert.Equal(1, (int)DimensionKind.Mass);
        Assert.Equal(2, (int)DimensionKind.Energy);
        Assert.Equal(3, (int)DimensionKind.Volume);
        Assert.Equal(4, (int)DimensionKind.Length);
        Assert.Equal(5, (int)DimensionKind.Area);
        Assert.Equal(6, (int)DimensionKind.Time);
        Assert.Equal(7, (int)DimensionKind.Count);
        Assert.Equal(8, (int)DimensionKind.MassDistance);
        Assert.Equal(9, (int)DimensionKind.Currency);
    }
}
