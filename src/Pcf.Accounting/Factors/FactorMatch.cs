using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Pcf.Accounting.Factors;

/// <summary>A provider's answer to a <see cref="FactorRequest"/>: the factor, who answered, the fallbacks applied, and the conversion to the requested unit.</summary>
/// <remarks>Amounts per requested unit are the factor's amounts times <see cref="ConversionToRequestedUnit"/>;
/// <see cref="ComponentsPerRequestedUnit"/> does it for every component.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorMatch
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="providerName">The name of the provider that answered.</param>
    /// <param name="fallbacks">The fallbacks applied, in order (region, year, unit).</param>
    /// <param name="conversionToRequestedUnit">Amounts per the factor's unit times this are amounts per the requested unit; 1 without conversion.</param>
    /// <param name="dataQuality">The data quality after fallback penalties; <see langword="null"/> when the factor has none.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The conversion is not positive and finite.</exception>
    public FactorMatch(EmissionFactor factor, string providerName, IEnumerable<FactorFallback> fallbacks, double conversionToRequestedUnit, DataQuality? dataQuality)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(fallbacks);
        if (!double.IsFinite(conversionToRequestedUnit) || conversionToRequestedUnit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(conversionToRequestedUnit), conversionToRequestedUnit, "The conversion must be positive and finite.");
        }

        Factor = factor;
        ProviderName = providerName;
        Fallbacks = [.. fallbacks];
        ConversionToRequestedUnit = conversionToRequestedUnit;
        DataQuality = dataQuality;
    }

    /// <summary>Gets the factor used.</summary>
    public EmissionFactor Factor { get; init; }

    /// <summary>Gets the name of the provider that answered.</summary>
    public string ProviderName { get; init; }

    /// <summary>Gets the fallbacks applied; empty for an exact match.</summary>
    public ImmutableArray<FactorFallback> Fallbacks { get; init; }

    /// <summary>Gets the multiplier from amounts per the factor's unit to amounts per the requested unit.</summary>
    public double ConversionToRequestedUnit { get; init; }

    /// <summary>Gets the data quality after fallback penalties, or <see langword="null"/> when the factor has no scores.</summary>
    public DataQuality? DataQuality { get; init; }

    /// <summary>Gets a value indicating whether the factor matched the request exactly (no fallback of any kind).</summary>
    public bool IsExact => Fallbacks.IsEmpty;

    /// <summary>Creates a match that takes <paramref name="fallbacks"/> as they are (no copy); the array must not change afterwards.</summary>
    internal static FactorMatch Create(EmissionFactor factor, string providerName, FactorFallback[] fallbacks, double conversionToRequestedUnit, DataQuality? dataQuality) =>
        new(factor, providerName, [], conversionToRequestedUnit, dataQuality) { Fallbacks = ImmutableCollectionsMarshal.AsImmutableArray(fallbacks) };

    /// <summary>Gets the amount of a component per requested unit: kg of its gas, or kg CO2e.</summary>
    /// <param name="component">A component of <see cref="Factor"/>.</param>
    /// <returns>The amount per requested unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="component"/> is <see langword="null"/>.</exception>
    public double AmountPerRequestedUnit(FactorComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.Amount * ConversionToRequestedUnit;
    }

    /// <summary>Gets every component with its amount per requested unit.</summary>
    /// <returns>The components, in the factor's order.</returns>
    public ImmutableArray<FactorComponent> ComponentsPerRequestedUnit() =>
        ConversionToRequestedUnit == 1 ? Factor.Components : [.. Factor.Components.Select(c => c.Scale(ConversionToRequestedUnit))];
}
