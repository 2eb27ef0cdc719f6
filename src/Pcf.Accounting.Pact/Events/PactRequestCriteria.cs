using System.Collections.Immutable;

namespace Pcf.Accounting.Pact.Events;

/// <summary>What a data recipient asks for: the filter criteria of a 3.0 <c>RequestCreatedEvent</c>, which are those of ListFootprints.</summary>
/// <remarks>Within one criterion any value may match (OR); every criterion given must match (AND). Text criteria match
/// case-insensitively. Validity criteria use the footprint's validity period, or <c>referencePeriodEnd</c> to three years
/// after it when the footprint states none (3.0, "Validity Period").</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactRequestCriteria
{
    /// <summary>Gets product ids (<c>productId</c>); empty for any.</summary>
    public ImmutableArray<string> ProductIds { get; init; } = [];

    /// <summary>Gets company ids (<c>companyId</c>); empty for any.</summary>
    public ImmutableArray<string> CompanyIds { get; init; } = [];

    /// <summary>Gets geographies: a UN region, an ISO 3166-1 country or an ISO 3166-2 subdivision (<c>geography</c>); empty for any.</summary>
    public ImmutableArray<string> Geographies { get; init; } = [];

    /// <summary>Gets product classifications (<c>classification</c>); empty for any.</summary>
    public ImmutableArray<string> Classifications { get; init; } = [];

    /// <summary>Gets a time the footprint must be valid on (<c>validOn</c>: start &lt;= validOn &lt;= end).</summary>
    public DateTimeOffset? ValidOn { get; init; }

    /// <summary>Gets a time the validity period must start after (<c>validAfter</c>: start &gt; validAfter).</summary>
    public DateTimeOffset? ValidAfter { get; init; }

    /// <summary>Gets a time the validity period must end before (<c>validBefore</c>: end &lt; validBefore).</summary>
    public DateTimeOffset? ValidBefore { get; init; }

    /// <summary>Gets the status asked for (<c>status</c>, <c>Active</c> or <c>Deprecated</c>, any case); <see langword="null"/> for any.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the requester's free-text comment (<c>comment</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>Gets a value indicating whether the criteria ask for nothing in particular (every footprint matches).</summary>
    public bool IsEmpty => ProductIds.IsDefaultOrEmpty && CompanyIds.IsDefaultOrEmpty && Geographies.IsDefaultOrEmpty && Classifications.IsDefaultOrEmpty
        && ValidOn is null && ValidAfter is null && ValidBefore is null && Status is null;

    /// <summary>Gets the start of a footprint's validity period: <c>validityPeriodStart</c>, else <c>referencePeriodEnd</c>.</summary>
    /// <param name="footprint">The footprint.</param>
    /// <returns>The start.</returns>
    public static DateTimeOffset ValidityStart(V3.ProductFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        return footprint.ValidityPeriodStart ?? footprint.Pcf.ReferencePeriodEnd;
    }

    /// <summary>Gets the end of a footprint's validity period: <c>validityPeriodEnd</c>, else three years after <c>referencePeriodEnd</c>.</summary>
    /// <param name="footprint">The footprint.</param>
    /// <returns>The end.</returns>
    public static DateTimeOffset ValidityEnd(V3.ProductFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        return footprint.ValidityPeriodEnd ?? ThreeYearsAfter(footprint.Pcf.ReferencePeriodEnd);
    }

    /// <summary>Three years after a reference period's end (3.0 "Validity Period"), or the last representable instant when that
    /// lies beyond the year 9999 (a footprint dated near it is valid, not a crash).</summary>
    internal static DateTimeOffset ThreeYearsAfter(DateTimeOffset referencePeriodEnd)
    {
        // The clock time and its UTC both move; a day of margin covers any offset (at most 14 hours).
        var limit = DateTime.MaxValue.AddYears(-3).AddDays(-1);
        return referencePeriodEnd.DateTime > limit || referencePeriodEnd.UtcDateTime > limit ? DateTimeOffset.MaxValue : referencePeriodEnd.AddYears(3);
    }

    /// <summary>Tells whether a footprint meets every criterion.</summary>
    /// <param name="footprint">The footprint.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(V3.ProductFootprint footprint)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        static bool Any(ImmutableArray<string> wanted, IEnumerable<string?> have) =>
            wanted.IsDefaultOrEmpty || have.Any(h => h is not null && wanted.Any(w => string.Equals(w, h, StringComparison.OrdinalIgnoreCase)));

        var p = footprint.Pcf;
        DateTimeOffset start = ValidityStart(footprint), end = ValidityEnd(footprint);
        return Any(ProductIds, footprint.ProductIds)
            && Any(CompanyIds, footprint.CompanyIds)
            && Any(Geographies, [p.GeographyCountry, p.GeographyCountrySubdivision, p.GeographyRegionOrSubregion])
            && Any(Classifications, footprint.ProductClassifications ?? [])
            && (ValidOn is not { } on || (start <= on && on <= end))
            && (ValidAfter is not { } after || start > after)
            && (ValidBefore is not { } before || end < before)
            && (Status is null || string.Equals(Status, footprint.Status.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
