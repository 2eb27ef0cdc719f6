using System.Globalization;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Factors;

/// <summary>A request for a cradle-to-gate emission factor: GHG per one <see cref="Unit"/> of the activity or product named by <see cref="Key"/>, for a region and a year.</summary>
/// <remarks>
/// <para>The engine builds one from a factor <see cref="Model.Supply"/> (its key, region and year) and the
/// reference unit of the consuming flow. Providers answer with a <see cref="FactorMatch"/> whose amounts
/// convert to per-<see cref="Unit"/> values.</para>
/// <para><see cref="Region"/> <see langword="null"/> means the global region <c>GLO</c>;
/// <see cref="Year"/> <see langword="null"/> means "the latest year available". Requests compare by value
/// (key and region ordinally, case-sensitive), so they serve as cache keys.</para>
/// </remarks>
/// <param name="Key">The activity or product key, such as <c>electricity/grid</c> (see docs/factors.md for the key scheme).</param>
/// <param name="Region">The region: an ISO 3166 code (<c>CN</c>, <c>CN-JS</c>), a grid region (<c>CN-GRID-EAST</c>) or <c>GLO</c>; <see langword="null"/> for <c>GLO</c>.</param>
/// <param name="Year">The reference year asked for, or <see langword="null"/> for the latest.</param>
/// <param name="Unit">The unit of activity the amounts must be per, such as <see cref="Unit.KilowattHour"/>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorRequest(string Key, string? Region, int? Year, Unit Unit)
{
    /// <summary>Gets the key.</summary>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public string Key { get; init; } = string.IsNullOrWhiteSpace(Key) ? throw new ArgumentException("A factor key must not be empty.", nameof(Key)) : Key;

    /// <summary>Gets the unit of activity the amounts must be per.</summary>
    /// <exception cref="ArgumentNullException">The unit is <see langword="null"/>.</exception>
    public Unit Unit { get; init; } = Unit ?? throw new ArgumentNullException(nameof(Unit));

    /// <summary>Describes the request: <c>electricity/grid (CN-JS, 2023) per kWh</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        $"{Key} ({Region ?? RegionHierarchy.Global}, {(Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "latest")}) per {Unit.Symbol}";
}
