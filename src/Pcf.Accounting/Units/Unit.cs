using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Pcf.Accounting.Units;

/// <summary>A unit of measurement, such as the kilogram or the kilowatt hour, with its exact factor to its dimension's base unit.</summary>
/// <remarks>
/// <para>Units come from a fixed registry (<see cref="All"/>) or, for money, from
/// <see cref="Currency(string)"/>. Each unit's factor to the base unit of its <see cref="Dimension"/>
/// is an exact rational number, so conversions are one or two correctly rounded
/// floating-point steps: 1 t is exactly 1000 kg and 1 kWh is exactly 3.6 MJ.</para>
/// <para>Symbols are case-sensitive, as written in PACT and common LCA databases: <c>kWh</c>, not
/// <c>KWH</c>. Printing gives the canonical symbol, which <see cref="Parse(string)"/> accepts.
/// The freight unit prints as <c>tkm</c>; <c>t·km</c>, <c>t*km</c>, <c>t.km</c> and PACT's
/// <c>ton kilometer</c> parse to it.</para>
/// <para>Two units are equal when their symbols and dimensions are equal.</para>
/// </remarks>
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
public sealed class Unit : IEquatable<Unit>
{
    private static readonly ConcurrentDictionary<string, Unit> Currencies = new(StringComparer.Ordinal);

    private Unit(string symbol, string name, Dimension dimension, long numerator, long denominator)
    {
        Symbol = symbol;
        Name = name;
        Dimension = dimension;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>Gets the canonical symbol, such as <c>kWh</c>.</summary>
    public string Symbol { get; }

    /// <summary>Gets the English name, such as <c>kilowatt hour</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what this unit measures.</summary>
    public Dimension Dimension { get; }

    /// <summary>Gets a value indicating whether this is the base unit of its dimension (factor 1).</summary>
    public bool IsBaseUnit => Numerator == 1 && Denominator == 1;

    /// <summary>Gets the numerator of the exact factor from this unit to its dimension's base unit.</summary>
    internal long Numerator { get; }

    /// <summary>Gets the denominator of the exact factor from this unit to its dimension's base unit.</summary>
    internal long Denominator { get; }

    // ---- Dimensionless ----

    /// <summary>Gets the unit of pure numbers, symbol <c>1</c>.</summary>
    public static Unit One { get; } = new("1", "one", Dimension.Dimensionless, 1, 1);

    /// <summary>Gets the percent (%), a hundredth of one: shares and mass fractions such as 65 % CaO.</summary>
    public static Unit Percent { get; } = new("%", "percent", Dimension.Dimensionless, 1, 100);

    // ---- Mass (base: kg, SI) ----

    /// <summary>Gets the kilogram (kg), the base unit of mass.</summary>
    public static Unit Kilogram { get; } = new("kg", "kilogram", Dimension.Mass, 1, 1);

    /// <summary>Gets the gram (g): 1 g = 1/1000 kg.</summary>
    public static Unit Gram { get; } = new("g", "gram", Dimension.Mass, 1, 1_000); // SI prefix

    /// <summary>Gets the tonne (t), the metric ton: 1 t = 1000 kg.</summary>
    public static Unit Tonne { get; } = new("t", "tonne", Dimension.Mass, 1_000, 1); // SI Brochure, 9th ed., Table 8

    /// <summary>Gets the international avoirdupois pound (lb): 1 lb = 0.45359237 kg exactly.</summary>
    // International Yard and Pound Agreement (1959): 1 lb = 0.453 592 37 kg exactly.
    public static Unit Pound { get; } = new("lb", "pound", Dimension.Mass, 45_359_237, 100_000_000);

    // ---- Energy (base: J, SI) ----

    /// <summary>Gets the joule (J), the base unit of energy.</summary>
    public static Unit Joule { get; } = new("J", "joule", Dimension.Energy, 1, 1);

    /// <summary>Gets the kilojoule (kJ): 1 kJ = 10^3 J.</summary>
    public static Unit Kilojoule { get; } = new("kJ", "kilojoule", Dimension.Energy, 1_000, 1); // SI prefix

    /// <summary>Gets the megajoule (MJ): 1 MJ = 10^6 J.</summary>
    public static Unit Megajoule { get; } = new("MJ", "megajoule", Dimension.Energy, 1_000_000, 1); // SI prefix

    /// <summary>Gets the gigajoule (GJ): 1 GJ = 10^9 J.</summary>
    public static Unit Gigajoule { get; } = new("GJ", "gigajoule", Dimension.Energy, 1_000_000_000, 1); // SI prefix

    /// <summary>Gets the terajoule (TJ): 1 TJ = 10^12 J.</summary>
    public static Unit Terajoule { get; } = new("TJ", "terajoule", Dimension.Energy, 1_000_000_000_000, 1); // SI prefix

    /// <summary>Gets the watt hour (Wh): 1 Wh = 3600 J.</summary>
    public static Unit WattHour { get; } = new("Wh", "watt hour", Dimension.Energy, 3_600, 1); // SI: 1 W = 1 J/s, 1 h = 3600 s

    /// <summary>Gets the kilowatt hour (kWh): 1 kWh = 3.6 MJ.</summary>
    public static Unit KilowattHour { get; } = new("kWh", "kilowatt hour", Dimension.Energy, 3_600_000, 1); // 10^3 × 3600 J

    /// <summary>Gets the megawatt hour (MWh): 1 MWh = 3.6 GJ.</summary>
    public static Unit MegawattHour { get; } = new("MWh", "megawatt hour", Dimension.Energy, 3_600_000_000, 1); // 10^6 × 3600 J

    /// <summary>Gets the gigawatt hour (GWh): 1 GWh = 3.6 TJ.</summary>
    public static Unit GigawattHour { get; } = new("GWh", "gigawatt hour", Dimension.Energy, 3_600_000_000_000, 1); // 10^9 × 3600 J

    /// <summary>Gets the tonne of coal equivalent (tce): 1 tce = 29.3076 GJ.</summary>
    /// <remarks>As defined in China by GB/T 2589-2020, <i>General principles for calculation of the
    /// comprehensive energy consumption</i>: 1 kgce = 29 307.6 kJ (7 000 kcal(IT) × 4.1868 kJ/kcal).
    /// Other conventions (the IEA's 1 tce = 29.3076 GJ agrees; some older tables use 29.27 GJ) are not applied.</remarks>
    // GB/T 2589-2020: 1 kgce = 29 307.6 kJ, so 1 tce = 1000 × 29 307 600 J = 29 307 600 000 J.
    public static Unit TonneOfCoalEquivalent { get; } = new("tce", "tonne of coal equivalent", Dimension.Energy, 29_307_600_000, 1);

    /// <summary>Gets the kilogram of coal equivalent (kgce): 1 kgce = 29.3076 MJ.</summary>
    /// <remarks>GB/T 2589-2020: 1 kgce = 29 307.6 kJ (7 000 kcal(IT) × 4.1868 kJ/kcal).</remarks>
    // GB/T 2589-2020: 1 kgce = 29 307.6 kJ = 29 307 600 J.
    public static Unit KilogramOfCoalEquivalent { get; } = new("kgce", "kilogram of coal equivalent", Dimension.Energy, 29_307_600, 1);

    // ---- Volume (base: m3) ----

    /// <summary>Gets the cubic metre (m3), the base unit of volume.</summary>
    public static Unit CubicMetre { get; } = new("m3", "cubic metre", Dimension.Volume, 1, 1);

    /// <summary>Gets the litre (L): 1 L = 10^-3 m3.</summary>
    public static Unit Litre { get; } = new("L", "litre", Dimension.Volume, 1, 1_000); // SI Brochure, 9th ed., Table 8: 1 L = 1 dm3

    /// <summary>Gets the millilitre (mL): 1 mL = 10^-6 m3.</summary>
    public static Unit Millilitre { get; } = new("mL", "millilitre", Dimension.Volume, 1, 1_000_000); // SI prefix on the litre

    /// <summary>Gets the normal cubic metre (Nm3), a gas volume at normal conditions, converting 1:1 with m3.</summary>
    /// <remarks>A normal cubic metre is a cubic metre of gas at 0 °C and 101.325 kPa. This library
    /// treats it as a plain volume: 1 Nm3 = 1 m3. Gas volumes must therefore already be stated at
    /// normal conditions; no temperature or pressure correction is made.</remarks>
    public static Unit NormalCubicMetre { get; } = new("Nm3", "normal cubic metre", Dimension.Volume, 1, 1);

    // ---- Length (base: m, SI) ----

    /// <summary>Gets the metre (m), the base unit of length.</summary>
    public static Unit Metre { get; } = new("m", "metre", Dimension.Length, 1, 1);

    /// <summary>Gets the kilometre (km): 1 km = 1000 m.</summary>
    public static Unit Kilometre { get; } = new("km", "kilometre", Dimension.Length, 1_000, 1); // SI prefix

    // ---- Area (base: m2) ----

    /// <summary>Gets the square metre (m2), the base unit of area.</summary>
    public static Unit SquareMetre { get; } = new("m2", "square metre", Dimension.Area, 1, 1);

    /// <summary>Gets the square centimetre (cm2): 1 cm2 = 10^-4 m2.</summary>
    public static Unit SquareCentimetre { get; } = new("cm2", "square centimetre", Dimension.Area, 1, 10_000); // (10^-2)^2

    /// <summary>Gets the square millimetre (mm2): 1 mm2 = 10^-6 m2.</summary>
    public static Unit SquareMillimetre { get; } = new("mm2", "square millimetre", Dimension.Area, 1, 1_000_000); // (10^-3)^2

    // ---- Time (base: s, SI) ----

    /// <summary>Gets the second (s), the base unit of time.</summary>
    public static Unit Second { get; } = new("s", "second", Dimension.Time, 1, 1);

    /// <summary>Gets the hour (h): 1 h = 3600 s.</summary>
    public static Unit Hour { get; } = new("h", "hour", Dimension.Time, 3_600, 1); // SI Brochure, 9th ed., Table 8

    /// <summary>Gets the day (d): 1 d = 86 400 s.</summary>
    public static Unit Day { get; } = new("d", "day", Dimension.Time, 86_400, 1); // SI Brochure, 9th ed., Table 8

    // ---- Count (base: pc) ----

    /// <summary>Gets the piece (pc), the base unit of count: one item.</summary>
    public static Unit Piece { get; } = new("pc", "piece", Dimension.Count, 1, 1);

    // ---- Mass·distance (base: kg·km) ----

    /// <summary>Gets the tonne kilometre (tkm), one tonne carried one kilometre: 1 tkm = 1000 kg·km.</summary>
    /// <remarks>Prints as <c>tkm</c>, the spelling of ecoinvent and most transport factor tables;
    /// <c>t·km</c>, <c>t*km</c>, <c>t.km</c> and <c>ton kilometer</c> (PACT) parse to it.</remarks>
    public static Unit TonneKilometre { get; } = new("tkm", "tonne kilometre", Dimension.MassDistance, 1_000, 1); // 1 t = 1000 kg

    /// <summary>Gets the kilogram kilometre (kgkm), the base unit of mass·distance.</summary>
    public static Unit KilogramKilometre { get; } = new("kgkm", "kilogram kilometre", Dimension.MassDistance, 1, 1);

    // ---- Information (base: B, the byte; decimal prefixes as storage makers state capacity, IEC 80000-13:2008 cl. 13-9) ----

    /// <summary>Gets the byte (B), the base unit of information (storage capacity).</summary>
    public static Unit Byte { get; } = new("B", "byte", Dimension.Information, 1, 1);

    /// <summary>Gets the megabyte (MB): 10^6 bytes (SI prefix).</summary>
    public static Unit Megabyte { get; } = new("MB", "megabyte", Dimension.Information, 1_000_000, 1);

    /// <summary>Gets the gigabyte (GB): 10^9 bytes (SI prefix), the unit memory and drive capacities are stated in.</summary>
    public static Unit Gigabyte { get; } = new("GB", "gigabyte", Dimension.Information, 1_000_000_000, 1);

    /// <summary>Gets the terabyte (TB): 10^12 bytes (SI prefix).</summary>
    public static Unit Terabyte { get; } = new("TB", "terabyte", Dimension.Information, 1_000_000_000_000, 1);

    /// <summary>Gets the gibibyte (GiB): 2^30 bytes (IEC 80000-13:2008 binary prefix).</summary>
    public static Unit Gibibyte { get; } = new("GiB", "gibibyte", Dimension.Information, 1L << 30, 1);

    /// <summary>Gets the registered units (every unit except currencies) in a stable order: by dimension, then as declared.</summary>
    public static IReadOnlyList<Unit> All { get; } = Array.AsReadOnly(new[]
    {
        One, Percent,
        Kilogram, Gram, Tonne, Pound,
        Joule, Kilojoule, Megajoule, Gigajoule, Terajoule, WattHour, KilowattHour, MegawattHour, GigawattHour,
        TonneOfCoalEquivalent, KilogramOfCoalEquivalent,
        CubicMetre, Litre, Millilitre, NormalCubicMetre,
        Metre, Kilometre,
        SquareMetre, SquareCentimetre, SquareMillimetre,
        Second, Hour, Day,
        Piece,
        TonneKilometre, KilogramKilometre,
        Byte, Megabyte, Gigabyte, Terabyte, Gibibyte,
    });

    // Aliases: other spellings in common use, and the PACT declared-unit names (2.3 declaredUnit,
    // 3.0 declaredUnitOfMeasurement: liter, kilogram, cubic meter, kilowatt hour, megajoule,
    // ton kilometer, square meter, piece, hour). All are case-sensitive.
    private static readonly FrozenDictionary<string, Unit> BySymbol = BuildRegistry(
        (Kilogram, ["kilogram"]),
        (Megajoule, ["megajoule"]),
        (KilowattHour, ["kilowatt hour"]),
        (CubicMetre, ["m³", "cubic meter"]),
        (Litre, ["l", "liter"]),
        (Millilitre, ["ml"]),
        (NormalCubicMetre, ["Nm³"]),
        (SquareMetre, ["m²", "square meter"]),
        (SquareCentimetre, ["cm²"]),
        (SquareMillimetre, ["mm²"]),
        (Hour, ["hour"]),
        (Piece, ["pcs", "piece", "item"]),
        (TonneKilometre, ["t·km", "t⋅km", "t*km", "t.km", "ton kilometer"]),
        (KilogramKilometre, ["kg·km", "kg⋅km", "kg*km", "kg.km"]));

    /// <summary>Gets every symbol and alias that <see cref="Parse(string)"/> accepts, with its unit.</summary>
    internal static IEnumerable<KeyValuePair<string, Unit>> Symbols => BySymbol;

    /// <summary>Gets the base unit of a dimension: kg, J, m3, m, m2, s, pc, kgkm, 1, or the currency itself.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The unit whose factor to the base is 1.</returns>
    public static Unit BaseUnitOf(Dimension dimension) => dimension.Kind switch
    {
        DimensionKind.Mass => Kilogram,
        DimensionKind.Energy => Joule,
        DimensionKind.Volume => CubicMetre,
        DimensionKind.Length => Metre,
        DimensionKind.Area => SquareMetre,
        DimensionKind.Time => Second,
        DimensionKind.Count => Piece,
        DimensionKind.MassDistance => KilogramKilometre,
        DimensionKind.Currency => Currency(dimension.CurrencyCode!),
        DimensionKind.Information => Byte,
        _ => One,
    };

    /// <summary>Gets the unit of money in one currency; its symbol is the ISO code and it is its own dimension.</summary>
    /// <param name="isoCode">An ISO 4217 alphabetic code: three upper-case ASCII letters, such as <c>EUR</c> or <c>CNY</c>.</param>
    /// <returns>The currency unit; the same instance for the same code.</returns>
    /// <remarks>Currencies never convert into each other: an exchange rate is data with a date and a source.
    /// Currency codes are not accepted by <see cref="Parse(string)"/>, so that a misspelt unit such as
    /// <c>KWH</c> is never taken for a currency.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="isoCode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="isoCode"/> is not three upper-case ASCII letters.</exception>
    public static Unit Currency(string isoCode)
    {
        var dimension = Dimension.Currency(isoCode);
        return Currencies.TryGetValue(isoCode, out var unit)
            ? unit
            : Currencies.GetOrAdd(isoCode, new Unit(isoCode, "currency " + isoCode, dimension, 1, 1));
    }

    /// <summary>Finds the unit with a symbol or alias, such as <c>kWh</c>, <c>t*km</c> or <c>kilogram</c>.</summary>
    /// <param name="symbol">The symbol, case-sensitive; surrounding white space is not allowed.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="symbol"/> is <see langword="null"/>.</exception>
    /// <exception cref="UnknownUnitException">No unit has that symbol or alias.</exception>
    public static Unit Parse(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return TryParse(symbol, out var unit) ? unit : throw new UnknownUnitException(symbol);
    }

    /// <summary>Finds the unit with a symbol or alias, without throwing.</summary>
    /// <param name="symbol">The symbol, case-sensitive.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when the symbol names a unit.</returns>
    public static bool TryParse([NotNullWhen(true)] string? symbol, [NotNullWhen(true)] out Unit? unit)
    {
        if (symbol is null)
        {
            unit = null;
            return false;
        }

        return BySymbol.TryGetValue(symbol, out unit);
    }

    internal static bool TryParse(ReadOnlySpan<char> symbol, [NotNullWhen(true)] out Unit? unit) =>
#if NET9_0_OR_GREATER
        BySymbol.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(symbol, out unit);
#else
        BySymbol.TryGetValue(symbol.ToString(), out unit);
#endif

    /// <summary>Tells whether quantities in this unit convert to <paramref name="other"/>, that is, whether the dimensions are equal.</summary>
    /// <param name="other">The target unit.</param>
    /// <returns><see langword="true"/> when both units measure the same dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public bool CanConvertTo(Unit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Dimension == other.Dimension;
    }

    /// <inheritdoc/>
    public bool Equals(Unit? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (string.Equals(Symbol, other.Symbol, StringComparison.Ordinal) && Dimension == other.Dimension));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Unit);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Symbol), Dimension);

    /// <summary>Returns the canonical symbol, such as <c>kWh</c>.</summary>
    /// <returns>The symbol.</returns>
    public override string ToString() => Symbol;

    /// <summary>Tells whether two units are equal (same symbol and dimension).</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Unit? left, Unit? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Tells whether two units differ.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Unit? left, Unit? right) => !(left == right);

    /// <summary>Converts a number from one unit to another of the same dimension.</summary>
    /// <remarks>
    /// Implementation note: the factor (nA·dB)/(dA·nB) is reduced by cross-cancelling greatest
    /// common divisors, so numerator and denominator are small exact integers (at most 10^11 here,
    /// below 2^53), and the result is <c>value × num / den</c>: one correctly rounded step when
    /// either is 1, two otherwise. No allocation.
    /// </remarks>
    internal static double Convert(double value, Unit from, Unit to)
    {
        if (ReferenceEquals(from, to))
        {
            return value;
        }

        if (from.Dimension != to.Dimension)
        {
            throw new IncompatibleUnitsException(from, to);
        }

        var (num, den) = Factor(from, to);
        if (num == den)
        {
            return value;
        }

        double result = den == 1 ? value * num : num == 1 ? value / den : value * num / den;
        if (!double.IsFinite(result))
        {
            // value × num overflowed although the quotient may fit: divide first.
            result = value / den * num;
            if (!double.IsFinite(result))
            {
                throw new OverflowException(
                    $"{value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} {from.Symbol} in {to.Symbol} is beyond the range of a double.");
            }
        }

        return result;
    }

    /// <summary>The exact factor from <paramref name="from"/> to <paramref name="to"/>, in lowest terms.</summary>
    internal static (long Numerator, long Denominator) Factor(Unit from, Unit to)
    {
        // (nA/dA) / (nB/dB) = (nA·dB) / (dA·nB); cancel gcd(nA, nB) and gcd(dA, dB) first so nothing overflows.
        long g1 = Gcd(from.Numerator, to.Numerator);
        long g2 = Gcd(from.Denominator, to.Denominator);
        return checked(((from.Numerator / g1) * (to.Denominator / g2), (from.Denominator / g2) * (to.Numerator / g1)));
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static FrozenDictionary<string, Unit> BuildRegistry(params (Unit Unit, string[] Aliases)[] aliases)
    {
        var map = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in All)
        {
            map.Add(unit.Symbol, unit);
        }

        foreach (var (unit, names) in aliases)
        {
            foreach (var name in names)
            {
                map.Add(name, unit); // Add, not indexer: a duplicate alias fails at start-up, not silently.
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
