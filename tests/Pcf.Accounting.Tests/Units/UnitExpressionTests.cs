using CsCheck;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Units;

/// <summary>Compound units: parsed from registered symbols, exact conversions, dimensions compared with exponents.</summary>
public sealed class UnitExpressionTests
{
    [Theory]
    [InlineData("kg/t", "kg/t", "")]
    [InlineData("t/TJ", "t/TJ", "energy^-1·mass")]
    [InlineData("GJ/t", "GJ/t", "energy·mass^-1")]
    [InlineData("kWh/(m2·h)", "kWh/(m2·h)", "area^-1·energy·time^-1")]
    [InlineData("kg/tkm", "kg/tkm", "mass·mass-distance^-1")]
    [InlineData("kg/(t·km)", "kg/tkm", "mass·mass-distance^-1")]
    [InlineData("%", "%", "")]
    [InlineData("1", "1", "")]
    [InlineData("kWh/GB", "kWh/GB", "energy·information^-1")]
    [InlineData("m2", "m2", "area")]
    public void Parse_ReadsTheUnitAndItsDimensions(string text, string canonical, string signature)
    {
        var unit = UnitExpression.Parse(text);
        Assert.Equal(canonical, unit.Text);
        Assert.Equal(signature, unit.Signature);
    }

    [Theory]
    [InlineData("kgg", "'kgg' is not a known unit.")]
    [InlineData("kg/t/t", "more than one '/'")]
    [InlineData("kg^0", "an exponent is a whole number from -9 to 9, not 0")]
    [InlineData("", "A unit is required.")]
    public void Parse_Bad_SaysWhy(string text, string message)
    {
        Assert.False(UnitExpression.TryParse(text, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ConvertTo_KgPerTonneToPercent_IsExact()
    {
        // 525 kg/t = 0.525 = 52.5 %.
        Assert.Equal(52.5, UnitExpression.Parse("kg/t").ConvertTo(525, UnitExpression.Parse("%")), 12);
        Assert.Equal(94.6, UnitExpression.Parse("t/TJ").ConvertTo(94.6, UnitExpression.Parse("kg/GJ")), 12); // 1 t/TJ = 1000 kg / 1000 GJ
        Assert.Throws<ArgumentException>(() => UnitExpression.Parse("kg/t").ConvertTo(1, UnitExpression.Parse("kWh/t")));
    }

    [Fact]
    public void ConvertTo_AndBack_IsTheIdentity() =>
        Gen.Double[-1e6, 1e6].Sample(v =>
        {
            var a = UnitExpression.Parse("t/TJ");
            var b = UnitExpression.Parse("kg/GJ");
            Assert.Equal(v, b.ConvertTo(a.ConvertTo(v, b), a), 1e-9 * Math.Max(1, Math.Abs(v)));
        });
}
