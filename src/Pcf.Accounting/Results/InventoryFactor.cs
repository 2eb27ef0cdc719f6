using System.Collections.Immutable;
using Pcf.Accounting.Factors;

namespace Pcf.Accounting.Results;

/// <summary>A background emission factor as the calculation used it: the request, the factor with its provenance, who answered,
/// the fallbacks applied, and its components per requested unit in the result's GWP set.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record InventoryFactor
{
    /// <summary>Gets the request the engine made.</summary>
    public required FactorRequest Request { get; init; }

    /// <summary>Gets the factor used, with its provenance (publisher, document, dataset and version, licence).</summary>
    public required EmissionFactor Factor { get; init; }

    /// <summary>Gets the name of the provider that answered.</summary>
    public required string ProviderName { get; init; }

    /// <summary>Gets the fallbacks applied (region, year, unit, or a supplier footprint matched by key alone); empty for an exact match.</summary>
    public ImmutableArray<FactorFallback> Fallbacks { get; init; } = [];

    /// <summary>Gets the multiplier from the factor's unit to the requested unit (1 without conversion).</summary>
    public double ConversionToRequestedUnit { get; init; } = 1;

    /// <summary>Gets the data quality after fallback penalties; <see langword="null"/> when the factor has no scores.</summary>
    public DataQuality? DataQuality { get; init; }

    /// <summary>Gets the components per requested unit.</summary>
    public ImmutableArray<InventoryFactorComponent> Components { get; init; } = [];

    /// <summary>Gets the net kg CO2e per requested unit (the sum of the components' CO2e).</summary>
    public double Co2ePerUnit { get; init; }

    /// <summary>Gets a value indicating whether the factor was re-characterized from another GWP set.</summary>
    public bool IsRecharacterized { get; init; }

    /// <summary>Gets a value indicating whether the factor is primary (supplier- or site-specific) data.</summary>
    public bool IsPrimaryData => Factor.Provenance.IsPrimaryData;

    /// <summary>Gets a value indicating whether a region or year fallback was needed (an exact unit conversion or a supplier's
    /// footprint matched by key does not count: they do not make the factor less representative).</summary>
    public bool IsLessRepresentative => Fallbacks.Any(f => f is RegionFallback or YearFallback);

    /// <summary>Gets one line naming where the factor comes from and how it matched.</summary>
    public string Source => FactorDescriptions.Describe(this);

    /// <inheritdoc/>
    public bool Equals(InventoryFactor? other) =>
        other is not null && Request == other.Request && Factor == other.Factor && ProviderName == other.ProviderName
        && Fallbacks.SequenceEqual(other.Fallbacks) && ConversionToRequestedUnit.Equals(other.ConversionToRequestedUnit)
        && DataQuality == other.DataQuality && Components.SequenceEqual(other.Components) && Co2ePerUnit.Equals(other.Co2ePerUnit)
        && IsRecharacterized == other.IsRecharacterized;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Request, ProviderName, Co2ePerUnit);
}
