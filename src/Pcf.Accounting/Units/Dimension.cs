namespace Pcf.Accounting.Units;

/// <summary>What a <see cref="Unit"/> measures: mass, energy, volume, ..., or money in one currency.</summary>
/// <remarks>
/// Quantities convert only within a dimension. Each ISO 4217 currency is its own dimension
/// (<c>currency:EUR</c> is not <c>currency:CNY</c>): exchange rates are data with a date and a
/// source, so they are never applied implicitly. <c>default</c> is <see cref="Dimensionless"/>.
/// </remarks>
/// <threadsafety>Immutable value type.</threadsafety>
public readonly record struct Dimension
{
    private Dimension(DimensionKind kind, string? currencyCode)
    {
        Kind = kind;
        CurrencyCode = currencyCode;
    }

    /// <summary>Gets the kind of dimension.</summary>
    public DimensionKind Kind { get; }

    /// <summary>Gets the ISO 4217 currency code when <see cref="Kind"/> is
    /// <see cref="DimensionKind.Currency"/>; otherwise <see langword="null"/>.</summary>
    public string? CurrencyCode { get; }

    /// <summary>Gets the dimension of pure numbers.</summary>
    public static Dimension Dimensionless { get; } = new(DimensionKind.Dimensionless, null);

    /// <summary>Gets the mass dimension (base unit kg).</summary>
    public static Dimension Mass { get; } = new(DimensionKind.Mass, null);

    /// <summary>Gets the energy dimension (base unit J).</summary>
    public static Dimension Energy { get; } = new(DimensionKind.Energy, null);

    /// <summary>Gets the volume dimension (base unit m3).</summary>
    public static Dimension Volume { get; } = new(DimensionKind.Volume, null);

    /// <summary>Gets the length dimension (base unit m).</summary>
    public static Dimension Length { get; } = new(DimensionKind.Length, null);

    /// <summary>Gets the area dimension (base unit m2).</summary>
    public static Dimension Area { get; } = new(DimensionKind.Area, null);

    /// <summary>Gets the time dimension (base unit s).</summary>
    public static Dimension Time { get; } = new(DimensionKind.Time, null);

    /// <summary>Gets the count dimension (base unit pc).</summary>
    public static Dimension Count { get; } = new(DimensionKind.Count, null);

    /// <summary>Gets the mass·distance dimension of freight transport (base unit kg·km).</summary>
    public static Dimension MassDistance { get; } = new(DimensionKind.MassDistance, null);

    /// <summary>Gets the information dimension: storage capacity of memory and drives (base unit B, the byte).</summary>
    public static Dimension Information { get; } = new(DimensionKind.Information, null);

    /// <summary>Gets the dimension of money in one currency.</summary>
    /// <param name="isoCode">An ISO 4217 alphabetic code: three upper-case ASCII letters, such as <c>EUR</c>.</param>
    /// <returns>The currency's dimension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="isoCode"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="isoCode"/> is not three upper-case ASCII letters.</exception>
    public static Dimension Currency(string isoCode)
    {
        ArgumentNullException.ThrowIfNull(isoCode);
        return IsCurrencyCode(isoCode)
            ? new(DimensionKind.Currency, isoCode)
            : throw new ArgumentException(
                $"'{isoCode}' is not an ISO 4217 currency code (three upper-case ASCII letters).", nameof(isoCode));
    }

    /// <summary>Returns the dimension's name: <c>mass</c>, <c>energy</c>, <c>mass-distance</c>, <c>currency:EUR</c>, ...</summary>
    /// <returns>The lower-case name, or <c>currency:</c> followed by the ISO code.</returns>
    public override string ToString() => Kind switch
    {
        DimensionKind.Dimensionless => "dimensionless",
        DimensionKind.Mass => "mass",
        DimensionKind.Energy => "energy",
        DimensionKind.Volume => "volume",
        DimensionKind.Length => "length",
        DimensionKind.Area => "area",
        DimensionKind.Time => "time",
        DimensionKind.Count => "count",
        DimensionKind.MassDistance => "mass-distance",
        DimensionKind.Currency => "currency:" + CurrencyCode,
        DimensionKind.Information => "information",
        _ => Kind.ToString(),
    };

    internal static bool IsCurrencyCode(ReadOnlySpan<char> code) =>
        code.Length == 3 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1])
        && char.IsAsciiLetterUpper(code[2]);
}
