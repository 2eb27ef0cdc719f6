using System.Text.RegularExpressions;
using Pcf.Accounting.Units;
using Pcf.Accounting.Tests.TestSupport;

namespace Pcf.Accounting.Tests.Units;

public sealed class UnitTests
{
    // Every symbol and alias, with the unit it must parse to.
    public static TheoryData<string, string> SymbolsAndAliases => new()
    {
        { "1", "1" }, { "%", "%" },
        { "B", "B" }, { "MB", "MB" }, { "GB", "GB" }, { "TB", "TB" }, { "GiB", "GiB" },
        { "kg", "kg" }, { "kilogram", "kg" }, { "g", "g" }, { "t", "t" }, { "lb", "lb" },
        { "J", "J" }, { "kJ", "kJ" }, { "MJ", "MJ" }, { "megajoule", "MJ" }, { "GJ", "GJ" }, { "TJ", "TJ" },
        { "Wh", "Wh" }, { "kWh", "kWh" }, { "kilowatt hour", "kWh" }, { "MWh", "MWh" }, { "GWh", "GWh" },
        { "tce", "tce" }, { "kgce", "kgce" },
        { "m3", "m3" }, { "m³", "m3" }, { "cubic meter", "m3" },
        { "L", "L" }, { "l", "L" }, { "liter", "L" }, { "mL", "mL" }, { "ml", "mL" },
        { "Nm3", "Nm3" }, { "Nm³", "Nm3" },
        { "m", "m" }, { "km", "km" },
        { "m2", "m2" }, { "m²", "m2" }, { "square meter", "m2" },
        { "cm2", "cm2" }, { "cm²", "cm2" }, { "mm2", "mm2" }, { "mm²", "mm2" },
        { "s", "s" }, { "h", "h" }, { "hour", "h" }, { "d", "d" },
        { "pc", "pc" }, { "pcs", "pc" }, { "piece", "pc" }, { "item", "pc" },
        { "tkm", "tkm" }, { "t*km", "tkm" }, { "t.km", "tkm" }, { "t·km", "tkm" }, { "t⋅km", "tkm" }, { "ton kilometer", "tkm" },
        { "kgkm", "kgkm" }, { "kg*km", "kgkm" }, { "kg.km", "kgkm" }, { "kg·km", "kgkm" }, { "kg⋅km", "kgkm" },
    };

    [Theory]
    [MemberData(nameof(SymbolsAndAliases))]
    public void Parse_SymbolOrAlias_ReturnsCanonicalUnit(string symbol, string canonical)
    {
        Assert.Equal(canonical, Unit.Parse(symbol).Symbol);
        Assert.True(Unit.TryParse(symbol, out var unit));
        Assert.Equal(canonical, unit.ToString());
    }

    [Fact]
    public void SymbolsAndAliases_CoverTheWholeRegistry()
    {
        var tested = SymbolsAndAliases.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(tested.Order(StringComparer.Ordinal), Unit.Symbols.Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_EveryPrintedSymbol_GivesTheSameUnit()
    {
        foreach (var unit in Unit.All)
        {
            Assert.Same(unit, Unit.Parse(unit.ToString()));
        }
    }

    [Theory]
    [InlineData("KWH")]
    [InlineData("kwh")]
    [InlineData("KG")]
    [InlineData("T")]
    [InlineData("Tkm")]
    [InlineData("kWhh")]
    [InlineData(" kg")]
    [InlineData("")]
    [InlineData("EUR")]
    public void Parse_UnknownSymbol_ThrowsUnknownUnitExceptionNamingIt(string symbol)
    {
        var ex = Assert.Throws<UnknownUnitException>(() => Unit.Parse(symbol));
        Assert.Equal(symbol, ex.Symbol);
        Assert.Equal($"'{symbol}' is not a known unit.", ex.Message);
        Assert.False(Unit.TryParse(symbol, out var unit));
        Assert.Null(unit);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse() => Assert.False(Unit.TryParse(null, out _));

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => Unit.Parse(null!));

    [Fact]
    public void Parse_EveryPactDeclaredUnitNameOfThePactPackage_IsKnownExceptMegabitSecond()
    {
        // The names the PACT package reads and writes for 2.3 declaredUnit and 3.0 declaredUnitOfMeasurement.
        string[] names = [.. Pcf.Accounting.Pact.Json.PactNames.UnitsV2.Select(u => u.Item1), .. Pcf.Accounting.Pact.Json.PactNames.UnitsV3.Select(u => u.Item1)];

        Assert.Contains("ton kilometer", names);
        Assert.Contains("piece", names);
        // "megabit second" (3.0, telecom services) has no dimension here yet.
        Assert.Equal(["megabit second"], names.Where(n => !Unit.TryParse(n, out _)).Distinct());
    }

    [ReferenceFact("pact")]
    public void Parse_EveryPactDeclaredUnitName_IsKnownExceptMegabitSecond()
    {
        // PACT 2.3 declaredUnit and 3.0 declaredUnitOfMeasurement enums, read from the official OpenAPI files.
        string dir = Paths.SharedReference;
        var names = new List<string>();
        foreach (var (file, property) in new[] { ("openapi-2.3.3.yaml", "declaredUnit"), ("openapi-3.0.3.yaml", "declaredUnitOfMeasurement") })
        {
            string yaml = File.ReadAllText(Path.Combine(dir, "pact", file));
            var block = Regex.Match(yaml, @"\n(\s+)" + property + @":\n(?:.*\n)*?\s+enum:\n((?:\s+- .*\n)+)");
            Assert.True(block.Success, $"{property} enum not found in {file}");
            names.AddRange(Regex.Matches(block.Groups[2].Value, @"- (.+)").Select(m => m.Groups[1].Value.Trim().Trim('"')));
        }

        Assert.Contains("ton kilometer", names);
        Assert.Contains("piece", names);
        // "megabit second" (3.0, telecom services) has no dimension here yet.
        Assert.Equal(["megabit second"], names.Where(n => !Unit.TryParse(n, out _)).Distinct());
    }

    [Fact]
    public void PactNames_MapToTheirUnits()
    {
        Assert.Same(Unit.Litre, Unit.Parse("liter"));
        Assert.Same(Unit.Kilogram, Unit.Parse("kilogram"));
        Assert.Same(Unit.CubicMetre, Unit.Parse("cubic meter"));
        Assert.Same(Unit.KilowattHour, Unit.Parse("kilowatt hour"));
        Assert.Same(Unit.Megajoule, Unit.Parse("megajoule"));
        Assert.Same(Unit.TonneKilometre, Unit.Parse("ton kilometer"));
        Assert.Same(Unit.SquareMetre, Unit.Parse("square meter"));
        Assert.Same(Unit.Piece, Unit.Parse("piece"));
        Assert.Same(Unit.Hour, Unit.Parse("hour"));
    }

    [Fact]
    public void TonneKilometre_PrintsAsTkm() => Assert.Equal("tkm", Unit.TonneKilometre.ToString());

    [Fact]
    public void All_HasUniqueSymbols_AndNoCurrency()
    {
        Assert.Equal(Unit.All.Count, Unit.All.Select(u => u.Symbol).Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(Unit.All, u => u.Dimension.Kind == DimensionKind.Currency);
    }

    [Fact]
    public void BaseUnitOf_EachDimension_IsTheDocumentedBase()
    {
        Assert.Same(Unit.One, Unit.BaseUnitOf(Dimension.Dimensionless));
        Assert.Same(Unit.Kilogram, Unit.BaseUnitOf(Dimension.Mass));
        Assert.Same(Unit.Joule, Unit.BaseUnitOf(Dimension.Energy));
        Assert.Same(Unit.CubicMetre, Unit.BaseUnitOf(Dimension.Volume));
        Assert.Same(Unit.Metre, Unit.BaseUnitOf(Dimension.Length));
        Assert.Same(Unit.SquareMetre, Unit.BaseUnitOf(Dimension.Area));
        Assert.Same(Unit.Second, Unit.BaseUnitOf(Dimension.Time));
        Assert.Same(Unit.Piece, Unit.BaseUnitOf(Dimension.Count));
        Assert.Same(Unit.KilogramKilometre, Unit.BaseUnitOf(Dimension.MassDistance));
        Assert.Same(Unit.Currency("EUR"), Unit.BaseUnitOf(Dimension.Currency("EUR")));
    }

    [Fact]
    public void IsBaseUnit_TrueExactlyForEachDimensionsBase()
    {
        foreach (var unit in Unit.All)
        {
            Assert.Equal(ReferenceEquals(unit, Unit.BaseUnitOf(unit.Dimension)) || unit == Unit.NormalCubicMetre, unit.IsBaseUnit);
        }
    }

    [Fact]
    public void Factor_EveryPairInADimension_IsExactAndFitsADouble()
    {
        // num and den below 2^53 are exact doubles, so value*num/den is two correctly rounded steps.
        foreach (var a in Unit.All)
        {
            foreach (var b in Unit.All.Where(b => b.Dimension == a.Dimension))
            {
                var (num, den) = Unit.Factor(a, b);
                Assert.InRange(num, 1, 1L << 53);
                Assert.InRange(den, 1, 1L << 53);
            }
        }
    }

    [Fact]
    public void Currency_SameCode_IsEqualAndConvertible()
    {
        Assert.Equal(Unit.Currency("EUR"), Unit.Currency("EUR"));
        Assert.True(Unit.Currency("EUR").CanConvertTo(Unit.Currency("EUR")));
        Assert.Equal("EUR", Unit.Currency("EUR").ToString());
        Assert.Equal(Dimension.Currency("EUR"), Unit.Currency("EUR").Dimension);
    }

    [Fact]
    public void CanConvertTo_EuroToYuan_IsFalse()
    {
        Assert.False(Unit.Currency("EUR").CanConvertTo(Unit.Currency("CNY")));
        Assert.NotEqual(Unit.Currency("EUR"), Unit.Currency("CNY"));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("")]
    public void Currency_NotThreeUpperCaseLetters_ThrowsArgumentException(string code) =>
        Assert.Throws<ArgumentException>(() => Unit.Currency(code));

    [Fact]
    public void CanConvertTo_SameDimensionOnly()
    {
        Assert.True(Unit.Tonne.CanConvertTo(Unit.Pound));
        Assert.True(Unit.NormalCubicMetre.CanConvertTo(Unit.Litre));
        Assert.False(Unit.Kilogram.CanConvertTo(Unit.KilowattHour));
        Assert.False(Unit.TonneKilometre.CanConvertTo(Unit.Tonne));
    }

    [Fact]
    public void Equals_BySymbolAndDimension()
    {
        Assert.True(Unit.Kilogram == Unit.Parse("kilogram"));
        Assert.True(Unit.Kilogram != Unit.Gram);
        Assert.False(Unit.Kilogram.Equals(null));
        Assert.Equal(Unit.Kilogram.GetHashCode(), Unit.Parse("kg").GetHashCode());
    }
}
