using Pcf.Accounting.Factors;

namespace Pcf.Accounting.Templates.Cbam;

/// <summary>A source of CBAM default values: the European Commission's specific embedded emissions of a good by CN code and
/// country of origin, which <see cref="CbamView"/> uses for a purchased precursor without actual data.</summary>
/// <remarks>
/// <para>The package <c>Pcf.Accounting.Data</c> implements it over its embedded table and over any <c>pcf-cbam-defaults/1</c>
/// file (<c>Pcf.Accounting.Data.CbamDefaultValuesSource</c>). An implementation never throws for a code it does not know: it
/// returns <see langword="null"/>.</para>
/// </remarks>
public interface ICbamDefaultValues
{
    /// <summary>Finds the default value of a good, taking the fallbacks the source allows (a shorter CN code, the value for other
    /// countries) and recording them in the result.</summary>
    /// <param name="cnCode">The CN code, digits only (<c>72071210</c>).</param>
    /// <param name="countryOfOrigin">The country of origin, ISO 3166-1 alpha-2 upper case (<c>CN</c>).</param>
    /// <returns>The default value with the fallbacks taken, or <see langword="null"/> when no value covers the code.</returns>
    CbamDefault? Find(string cnCode, string countryOfOrigin);
}

/// <summary>A CBAM default value found for a purchased precursor: specific embedded emissions in t CO2e per t of the good, direct
/// and indirect apart, with what was asked for, what was matched, and where the value comes from.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record CbamDefault
{
    /// <summary>Gets the CN code asked for, digits only.</summary>
    public required string RequestedCnCode { get; init; }

    /// <summary>Gets the country of origin asked for, upper case.</summary>
    public required string RequestedCountry { get; init; }

    /// <summary>Gets the CN code the value is published for, digits only; shorter than <see cref="RequestedCnCode"/> after a CN-code fallback.</summary>
    public required string CnCode { get; init; }

    /// <summary>Gets the country the value is published for, or the source's id for "other countries and territories" after a country fallback.</summary>
    public required string Country { get; init; }

    /// <summary>Gets the goods description of the value, if the source gives one.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the direct specific embedded emissions, t CO2e per t.</summary>
    public required double Direct { get; init; }

    /// <summary>Gets the indirect specific embedded emissions, t CO2e per t; <see langword="null"/> when the source gives none.</summary>
    public double? Indirect { get; init; }

    /// <summary>Gets a value indicating whether a shorter CN code's value stands in for the one asked for.</summary>
    public bool IsCnCodeFallback { get; init; }

    /// <summary>Gets a value indicating whether the value for other countries stands in for the country asked for.</summary>
    public bool IsCountryFallback { get; init; }

    /// <summary>Gets where the value comes from: publisher, document, dataset, version, licence, confidence, the line read.</summary>
    public required FactorProvenance Provenance { get; init; }
}
