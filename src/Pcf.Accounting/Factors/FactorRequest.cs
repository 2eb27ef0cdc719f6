using System.Globalization;
using Pcf.Accounting.Units;

namespace Pcf.Accounting.Factors;

/// <summary>A request for a cradle-to-gate emission factor per one <see cref="Unit"/> of the activity or product named by <see cref="Key"/>.</summary>
/// <param name="Key">The activity or product key, such as <c>electricity/grid</c>.</param>
/// <param name="Region">The region asked for, if any.</param>
/// <param name="Year">The reference year asked for, if any.</param>
/// <param name="Unit">The unit the factor is wanted per.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorRequest(string Key, string? Region, int? Year, Unit Unit)
{
    /// <summary>Describes the request.</summary>
    /// <returns>The key, region, year and unit.</returns>
    public override string ToString() =>
        $"{Key} ({Region ?? "GLO"}, {(Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "latest")}) per {Unit.Symbol}";
}
