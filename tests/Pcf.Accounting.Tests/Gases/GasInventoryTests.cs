using CsCheck;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Gases;

public sealed class GasInventoryTests
{
    [Fact]
    public void Characterize_TenKilogramsSf6UnderAr5_Is235000KilogramsCo2e()
    {
        // 10 kg × 23,500 (AR5, GHG Protocol 2016 table) = 235,000 kg CO2e.
        var breakdown = GasInventory.Empty.Add(GreenhouseGas.Sf6, Quantity.Of(10, Unit.Kilogram)).Characterize(GwpSet.Ar5);
        Assert.Equal(Quantity.Of(235_000, Unit.Kilogram), breakdown.Total);
        var line = Assert.Single(breakdown.Lines);
        Assert.Equal((23_500d, 10d), (line.Factor, line.Mass.Value));
    }

    [Theory]
    // 1 kg CH4-fossil + 1 kg N2O: AR5 28 + 265 = 293; AR6 29.8 + 273 = 302.8.
    [InlineData("AR5", 293)]
    [InlineData("AR6", 302.8)]
    public void Characterize_MethaneAndNitrousOxide(string set, double expected)
    {
        var inventory = GasInventory.Empty
            .Add(GreenhouseGas.Ch4Fossil, Quantity.Of(1, Unit.Kilogram))
            .Add(GreenhouseGas.N2O, Quantity.Of(1000, Unit.Gram));
        Assert.Equal(expected, inventory.Characterize(GwpSet.Find(set)).Total.Value, 12);
    }

    [Fact]
    public void Add_SameGasTwice_Sums_AndRemovalsAreNegative()
    {
        var inventory = GasInventory.Empty
            .Add(GreenhouseGas.Co2Biogenic, Quantity.Of(2, Unit.Kilogram))
            .Add(GreenhouseGas.Co2Biogenic, Quantity.Of(-0.5, Unit.Tonne));
        Assert.Equal(Quantity.Of(-498, Unit.Kilogram), inventory.MassOf(GreenhouseGas.Co2Biogenic)); // 2 − 500
        Assert.Equal(Quantity.Of(0, Unit.Kilogram), inventory.MassOf(GreenhouseGas.N2O));
    }

    [Fact]
    public void Add_NonMass_Throws() =>
        Assert.Throws<IncompatibleUnitsException>(() => GasInventory.Empty.Add(GreenhouseGas.N2O, Quantity.Of(1, Unit.KilowattHour)));

    [Fact]
    public void Characterize_GasWithoutFactor_ThrowsNamingGasAndSet()
    {
        var gas = GreenhouseGas.Define("X-1", "test gas");
        var ex = Assert.Throws<KeyNotFoundException>(() => GasInventory.Empty.Add(gas, Quantity.Of(1, Unit.Kilogram)).Characterize(GwpSet.Ar6));
        Assert.Equal("The GWP set AR6 has no factor for X-1.", ex.Message);
    }

    [Fact]
    public void Characterize_IsLinear_AndIndependentOfInsertionOrder() =>
        Gen.Select(Gen.Double[-1e3, 1e3].Array[4], Gen.Double[-100, 100]).Sample((masses, k) =>
        {
            GreenhouseGas[] gases = [GreenhouseGas.Co2Fossil, GreenhouseGas.Ch4Biogenic, GreenhouseGas.N2O, GreenhouseGas.Hfc134a];
            var forward = GasInventory.Empty;
            var backward = GasInventory.Empty;
            for (int i = 0; i < 4; i++)
            {
                forward = forward.Add(gases[i], Quantity.Of(masses[i], Unit.Kilogram));
                backward = backward.Add(gases[3 - i], Quantity.Of(masses[3 - i], Unit.Kilogram));
            }

            double one = forward.Characterize(GwpSet.Ar6).Total.Value;
            double scaled = forward.Scale(k).Characterize(GwpSet.Ar6).Total.Value;
            return one.Equals(backward.Characterize(GwpSet.Ar6).Total.Value)   // bit-identical: fixed order
                && Math.Abs(scaled - (k * one)) <= 1e-9 * (1 + Math.Abs(k * one));
        });
}
