using System.Collections.Immutable;
using Pcf.Accounting.Gases;
using Pcf.Accounting.Model;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Factors;

/// <summary>GHG released (or removed) per unit of an activity or product, as per-gas amounts or CO2e, with its provenance, data quality and uncertainty.</summary>
/// <remarks>
/// <para>Amounts are <see cref="Components"/>, each per one <see cref="PerUnit"/>. Per-gas components can be
/// characterized with any GWP set; CO2e components carry the <see cref="GwpBasis"/> they were built with and
/// cannot be re-characterized.</para>
/// <para><see cref="Region"/> is an ISO 3166 code, a grid region or <c>GLO</c>; <see cref="Year"/> is the
/// reference year, <see langword="null"/> when the factor applies to any year. Two factors are equal when every
/// member is, <see cref="Components"/> compared by value in order.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record EmissionFactor
{
    private readonly ImmutableArray<FactorComponent> _components = [];

    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">The activity or product key.</param>
    /// <param name="name">A readable name.</param>
    /// <param name="perUnit">The unit of activity the amounts are per.</param>
    /// <param name="region">The region; <see langword="null"/> or empty for <c>GLO</c>.</param>
    /// <param name="year">The reference year, or <see langword="null"/> for any year.</param>
    /// <param name="components">The amounts; at least one.</param>
    /// <param name="provenance">Where the factor comes from.</param>
    /// <exception cref="ArgumentException">The key or name is empty, or there are no components.</exception>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public EmissionFactor(string key, string name, Unit perUnit, string? region, int? year, IEnumerable<FactorComponent> components, FactorProvenance provenance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(perUnit);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(provenance);
        Key = key;
        Name = name;
        PerUnit = perUnit;
        Region = string.IsNullOrWhiteSpace(region) ? RegionHierarchy.Global : region;
        Year = year;
        Components = [.. components];
        Provenance = provenance;
    }

    /// <summary>Gets the activity or product key, such as <c>electricity/grid</c>.</summary>
    public string Key { get; init; }

    /// <summary>Gets a readable name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the unit of activity the amounts are per.</summary>
    public Unit PerUnit { get; init; }

    /// <summary>Gets the region: an ISO 3166 code, a grid region or <c>GLO</c>.</summary>
    public string Region { get; init; }

    /// <summary>Gets the reference year, or <see langword="null"/> when the factor applies to any year.</summary>
    public int? Year { get; init; }

    /// <summary>Gets the first day the factor is valid for, if stated (informational; matching uses <see cref="Year"/>).</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Gets the last day the factor is valid for, if stated (informational; matching uses <see cref="Year"/>).</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Gets the amounts, each per one <see cref="PerUnit"/>.</summary>
    /// <exception cref="ArgumentException">Set to an empty array.</exception>
    public ImmutableArray<FactorComponent> Components
    {
        get => _components;
        init => _components = value.IsDefaultOrEmpty
            ? throw new ArgumentException("An emission factor needs at least one component.", nameof(value))
            : value;
    }

    /// <summary>Gets the GWP set the CO2e components were characterized with; <see langword="null"/> when the publisher does not state it (resolution then warns, <c>PCF0404</c>).</summary>
    public GwpSet? GwpBasis { get; init; }

    /// <summary>Gets where the factor comes from.</summary>
    public FactorProvenance Provenance { get; init; }

    /// <summary>Gets the data-quality scores, if given.</summary>
    public DataQuality? DataQuality { get; init; }

    /// <summary>Gets the uncertainty of the amounts, if given: one draw per factor scales every component without a distribution of
    /// its own (<see cref="FactorComponent.Uncertainty"/>).</summary>
    public UncertaintyDistribution? Uncertainty { get; init; }

    /// <summary>Gets a value indicating whether every component is per gas, so the factor can be characterized with any GWP set.</summary>
    public bool HasPerGasData => Components.All(c => !c.IsCo2e);

    /// <inheritdoc/>
    /// <remarks>Components compare by value, in order.</remarks>
    public bool Equals(EmissionFactor? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Key == other.Key && Name == other.Name && PerUnit == other.PerUnit && Region == other.Region && Year == other.Year
                && ValidFrom == other.ValidFrom && ValidUntil == other.ValidUntil && Components.SequenceEqual(other.Components)
                && Equals(GwpBasis, other.GwpBasis) && Provenance == other.Provenance && DataQuality == other.DataQuality && Uncertainty == other.Uncertainty));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Region, Year, PerUnit);

    /// <summary>Describes the factor: <c>electricity/grid CN 2023 per kWh</c>.</summary>

    /// <returns>A readable description.</returns>
    public override string ToString() => $"{Key} {Region} {Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any year"} per {PerUnit.Symbol}";
}
