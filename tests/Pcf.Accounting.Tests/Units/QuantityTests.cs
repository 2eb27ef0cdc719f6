using Pcf.Accounting.Units;

namespace Pcf.Accounting.Tests.Units;

public sealed class QuantityTests
{
    [Fact]
    public void ConvertTo_TonneToKilogram_IsExactly1000() =>
        // 1 t = 1000 kg (factor 1000/1): one exact multiplication.
        Assert.Equal(1000.0, Quantity.Of(1, Unit.Tonne).As(Unit.Kilogram));

    [Fact]
    public void ConvertTo_KilowattHourToMegajoule_MultipliesBy3Point6()
    {
        // 1 kWh = 3 600 000 J, 1 MJ = 1 000 000 J: factor 3 600 000 / 1 000 000 = 18/5 = 3.6.
        Assert.Equal(3.6, Quantity.Of(1, Unit.KilowattHour).As(Unit.Megajoule));
        // 12.5 × 18 = 225, 225 / 5 = 45: both steps exact.
        Assert.Equal(Quantity.Of(45, Unit.Megajoule), Quantity.Of(12.5, Unit.KilowattHour).ConvertTo(Unit.Megajoule));
    }

    [Fact]
    public void ConvertTo_MegawattHourToGigajoule_Is3Point6() =>
        // 3.6e9 J / 1e9 J = 18/5.
        Assert.Equal(3.6, Quantity.Of(1, Unit.MegawattHour).As(Unit.Gigajoule));

    [Fact]
    public void ConvertTo_GigawattHourToTerajoule_Is3Point6() =>
        // 3.6e12 J / 1e12 J = 18/5.
        Assert.Equal(3.6, Quantity.Of(1, Unit.GigawattHour).As(Unit.Terajoule));

    [Fact]
    public void ConvertTo_TonneOfCoalEquivalent_Is29Point3076GigajouleAnd8141KilowattHours()
    {
        // GB/T 2589-2020: 1 kgce = 29 307.6 kJ, so 1 tce = 29.3076e9 J = 29.3076 GJ.
        Assert.Equal(29.3076, Quantity.Of(1, Unit.TonneOfCoalEquivalent).As(Unit.Gigajoule));
        // 29.3076e9 J / 3.6e6 J = 8141 kWh exactly.
        Assert.Equal(8141.0, Quantity.Of(1, Unit.TonneOfCoalEquivalent).As(Unit.KilowattHour));
        // 1 tce = 1000 kgce.
        Assert.Equal(1000.0, Quantity.Of(1, Unit.TonneOfCoalEquivalent).As(Unit.KilogramOfCoalEquivalent));
        // 1 kgce = 29.3076 MJ.
        Assert.Equal(29.3076, Quantity.Of(1, Unit.KilogramOfCoalEquivalent).As(Unit.Megajoule));
    }

    [Fact]
    public void ConvertTo_PoundToKilogram_IsExactly0Point45359237()
    {
        // 1959 agreement: 1 lb = 0.45359237 kg (45 359 237 / 10^8, one correctly rounded division).
        Assert.Equal(0.45359237, Quantity.Of(1, Unit.Pound).As(Unit.Kilogram));
        // 1 t / 0.45359237 kg = 2204.622621848776 lb (10^11 / 45 359 237).
        Assert.Equal(1e11 / 45_359_237, Quantity.Of(1, Unit.Tonne).As(Unit.Pound));
    }

    [Fact]
    public void ConvertTo_MillilitreToLitreAndCubicMetre()
    {
        // 250 mL = 250 / 1000 L = 0.25 L = 0.25 / 1000 m3 = 0.00025 m3.
        Assert.Equal(0.25, Quantity.Of(250, Unit.Millilitre).As(Unit.Litre));
        Assert.Equal(0.00025, Quantity.Of(250, Unit.Millilitre).As(Unit.CubicMetre));
    }

    [Fact]
    public void ConvertTo_NormalCubicMetreToCubicMetre_IsOneToOne() =>
        Assert.Equal(1234.5, Quantity.Of(1234.5, Unit.NormalCubicMetre).As(Unit.CubicMetre));

    [Fact]
    public void ConvertTo_AreaUnits()
    {
        // 1 m2 = 10^4 cm2 = 10^6 mm2; 1 cm2 = 100 mm2.
        Assert.Equal(10_000.0, Quantity.Of(1, Unit.SquareMetre).As(Unit.SquareCentimetre));
        Assert.Equal(1_000_000.0, Quantity.Of(1, Unit.SquareMetre).As(Unit.SquareMillimetre));
        Assert.Equal(100.0, Quantity.Of(1, Unit.SquareCentimetre).As(Unit.SquareMillimetre));
    }

    [Fact]
    public void ConvertTo_TimeLengthAndTransport()
    {
        Assert.Equal(86_400.0, Quantity.Of(1, Unit.Day).As(Unit.Second)); // 24 × 3600
        Assert.Equal(24.0, Quantity.Of(1, Unit.Day).As(Unit.Hour)); // 86 400 / 3600
        Assert.Equal(1500.0, Quantity.Of(1.5, Unit.Kilometre).As(Unit.Metre));
        Assert.Equal(20_000.0, Quantity.Of(20, Unit.TonneKilometre).As(Unit.KilogramKilometre)); // 20 × 1000
    }

    [Fact]
    public void ConvertTo_KilogramToKilowattHour_ThrowsIncompatibleUnitsException()
    {
        var ex = Assert.Throws<IncompatibleUnitsException>(() => Quantity.Of(1, Unit.Kilogram).ConvertTo(Unit.KilowattHour));
        Assert.Same(Unit.Kilogram, ex.From);
        Assert.Same(Unit.KilowattHour, ex.To);
        Assert.Equal("Cannot convert 'kg' (mass) to 'kWh' (energy): the dimensions differ.", ex.Message);
        Assert.IsAssignableFrom<UnitsException>(ex);
    }

    [Fact]
    public void ConvertTo_EuroToYuan_ThrowsIncompatibleUnitsException()
    {
        var euros = Quantity.Of(10, Unit.Currency("EUR"));
        Assert.Throws<IncompatibleUnitsException>(() => euros.As(Unit.Currency("CNY")));
        Assert.Throws<IncompatibleUnitsException>(() => euros + Quantity.Of(1, Unit.Currency("CNY")));
        Assert.Equal(Quantity.Of(11, Unit.Currency("EUR")), euros + Quantity.Of(1, Unit.Currency("EUR")));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Of_NonFiniteValue_ThrowsNamingValue(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Of(value, Unit.Kilogram));
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Default_IsDimensionlessZero()
    {
        Quantity zero = default;
        Assert.Equal(0.0, zero.Value);
        Assert.Same(Unit.One, zero.Unit);
        Assert.Equal(Dimension.Dimensionless, zero.Dimension);
        Assert.Equal(Quantity.Zero(Unit.One), zero);
        Assert.Equal("0", zero.ToString());
    }

    [Fact]
    public void Plus_DifferentUnits_ResultInLeftUnit()
    {
        // 1 t + 500 kg = 1 t + 0.5 t = 1.5 t; 500 kg + 1 t = 500 kg + 1000 kg = 1500 kg.
        Assert.Equal(Quantity.Of(1.5, Unit.Tonne), Quantity.Of(1, Unit.Tonne) + Quantity.Of(500, Unit.Kilogram));
        Assert.Equal(Quantity.Of(1500, Unit.Kilogram), Quantity.Of(500, Unit.Kilogram) + Quantity.Of(1, Unit.Tonne));
        Assert.Equal(Quantity.Of(0.5, Unit.Tonne), Quantity.Of(1, Unit.Tonne) - Quantity.Of(500, Unit.Kilogram));
    }

    [Fact]
    public void Plus_DifferentDimensions_Throws() =>
        Assert.Throws<IncompatibleUnitsException>(() => Quantity.Of(1, Unit.Kilogram) + Quantity.Of(1, Unit.Joule));

    [Fact]
    public void Scaling_AndRatio()
    {
        Assert.Equal(Quantity.Of(25, Unit.KilowattHour), Quantity.Of(12.5, Unit.KilowattHour) * 2);
        Assert.Equal(Quantity.Of(25, Unit.KilowattHour), 2 * Quantity.Of(12.5, Unit.KilowattHour));
        Assert.Equal(Quantity.Of(6.25, Unit.KilowattHour), Quantity.Of(12.5, Unit.KilowattHour) / 2);
        Assert.Equal(Quantity.Of(-12.5, Unit.KilowattHour), -Quantity.Of(12.5, Unit.KilowattHour));
        // 250 kg / 1 t = 250 / 1000 = 0.25.
        Assert.Equal(0.25, Quantity.Of(250, Unit.Kilogram) / Quantity.Of(1, Unit.Tonne));
    }

    [Fact]
    public void Arithmetic_NonFiniteResults_Throw()
    {
        var big = Quantity.Of(double.MaxValue, Unit.Kilogram);
        Assert.Throws<OverflowException>(() => big + big);
        Assert.Throws<OverflowException>(() => big - -big);
        Assert.Throws<OverflowException>(() => big * 2);
        Assert.Throws<OverflowException>(() => big / 0.5);
        Assert.Throws<OverflowException>(() => big.As(Unit.Gram));
        Assert.Throws<OverflowException>(() => big / Quantity.Of(double.Epsilon, Unit.Kilogram));
        Assert.Throws<ArgumentOutOfRangeException>(() => big * double.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => big / double.PositiveInfinity);
        Assert.Throws<DivideByZeroException>(() => big / 0);
        Assert.Throws<DivideByZeroException>(() => big / Quantity.Zero(Unit.Tonne));
        Assert.Throws<IncompatibleUnitsException>(() => big / Quantity.Of(1, Unit.Joule));
    }

    [Fact]
    public void ConvertTo_LargeValueWhoseProductOverflows_DividesFirst()
    {
        // 1e308 lb: 1e308 × 45 359 237 overflows, but 1e308 / 10^8 × 45 359 237 ≈ 4.5e307 kg fits.
        double kg = Quantity.Of(1e308, Unit.Pound).As(Unit.Kilogram);
        Assert.Equal(0.45359237e308, kg, tolerance: 1e293);
    }

    [Fact]
    public void Equality_IsStructural_ComparisonConverts()
    {
        var tonne = Quantity.Of(1, Unit.Tonne);
        var kilograms = Quantity.Of(1000, Unit.Kilogram);
        Assert.False(tonne == kilograms);
        Assert.True(tonne != kilograms);
        Assert.Equal(0, tonne.CompareTo(kilograms));
        Assert.True(tonne <= kilograms && tonne >= kilograms);
        Assert.True(Quantity.Of(999, Unit.Kilogram) < tonne);
        Assert.True(Quantity.Of(1001, Unit.Kilogram) > tonne);
        Assert.Equal(Quantity.Of(1, Unit.Tonne).GetHashCode(), tonne.GetHashCode());
        Assert.True(tonne.Equals((object)Quantity.Of(1, Unit.Tonne)));
        Assert.Throws<IncompatibleUnitsException>(() => tonne < Quantity.Of(1, Unit.Joule));
    }

    [Theory]
    [InlineData(12.5, "kWh", "12.5 kWh")]
    [InlineData(0.1, "kg", "0.1 kg")]
    [InlineData(1e21, "J", "1E+21 J")]
    [InlineData(-3, "tkm", "-3 tkm")]
    [InlineData(2, "1", "2")]
    public void ToString_IsRoundTripInvariantNumberThenSymbol(double value, string symbol, string expected)
    {
        var quantity = Quantity.Of(value, Unit.Parse(symbol));
        Assert.Equal(expected, quantity.ToString());
        Assert.Equal(expected, $"{quantity}");
        Assert.Equal(quantity, Quantity.Parse(expected));
    }

    [Fact]
    public void ToString_WithFormat_FormatsTheNumber()
    {
        var quantity = Quantity.Of(12.345, Unit.Megajoule);
        Assert.Equal("12.35 MJ", quantity.ToString("F2", null));
        Span<char> buffer = stackalloc char[32];
        Assert.True(quantity.TryFormat(buffer, out int written, "F1", null));
        Assert.Equal("12.3 MJ", buffer[..written].ToString());
        Assert.False(quantity.TryFormat(buffer[..5], out _, "", null));
    }

    [Theory]
    [InlineData("12.5 kWh", 12.5, "kWh")]
    [InlineData("  12.5   kWh ", 12.5, "kWh")]
    [InlineData("3 t*km", 3, "tkm")]
    [InlineData("1.5e3 kg", 1500, "kg")]
    [InlineData("2 kilowatt hour", 2, "kWh")]
    [InlineData("7", 7, "1")]
    [InlineData("7 1", 7, "1")]
    [InlineData("-0.5 m³", -0.5, "m3")]
    public void Parse_NumberAndSymbol(string text, double value, string symbol)
    {
        Assert.Equal(Quantity.Of(value, Unit.Parse(symbol)), Quantity.Parse(text));
        Assert.True(Quantity.TryParse(text, out var quantity));
        Assert.Equal(value, quantity.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kWh")]
    [InlineData("12,5 kWh")]
    [InlineData("1e400 kg")]
    [InlineData("NaN kg")]
    [InlineData("Infinity kg")]
    public void Parse_MalformedNumber_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => Quantity.Parse(text));
        Assert.False(Quantity.TryParse(text, out _));
    }

    [Fact]
    public void Parse_UnknownUnit_ThrowsUnknownUnitExceptionNamingTheSymbol()
    {
        var ex = Assert.Throws<UnknownUnitException>(() => Quantity.Parse("12.5 KWH"));
        Assert.Equal("KWH", ex.Symbol);
        Assert.False(Quantity.TryParse("12.5 KWH", out _));
        Assert.False(Quantity.TryParse(null, out _));
    }

    [Fact]
    public void As_AcrossUnits_DoesNotAllocate()
    {
        var q = Quantity.Of(12.5, Unit.KilowattHour);
        double sink = q.As(Unit.Megajoule) + q.ConvertTo(Unit.TonneOfCoalEquivalent).Value; // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            sink += q.As(Unit.Megajoule) + q.ConvertTo(Unit.TonneOfCoalEquivalent).Value;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sink > 0);
    }

    [Fact]
    public void Example_FromTheDocs()
    {
        // The <example> on Quantity and docs/units.md.
        var energy = Quantity.Of(12.5, Unit.KilowattHour);
        double mj = energy.As(Unit.Megajoule); // 12.5 × 3.6 = 45
        Assert.Equal(45.0, mj);
        var coal = Quantity.Parse("2 tce");
        Assert.Equal(16282.0, coal.As(Unit.KilowattHour)); // 2 × 8141
        Assert.Equal("58.6152 GJ", coal.ConvertTo(Unit.Gigajoule).ToString()); // 2 × 29.3076
    }
}
