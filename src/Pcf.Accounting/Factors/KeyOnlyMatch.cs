namespace Pcf.Accounting.Factors;

/// <summary>A supplier's own footprint matched by its key alone: the buyer asked for another region or year than the footprint
/// states, and the footprint was used as it is, since it describes the very product bought.</summary>
/// <remarks>Recorded so that the result says which matching rule applied; it does not count as a representativeness fallback
/// (the result's fallback share), because a supplier's footprint of the product is the best data for it wherever the buyer is.</remarks>
/// <param name="RequestedRegion">The region the buyer asked for, if any.</param>
/// <param name="RequestedYear">The year the buyer asked for, if any.</param>
/// <param name="FactorRegion">The region of the supplier's footprint.</param>
/// <param name="FactorYear">The reference year of the supplier's footprint, if stated.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record KeyOnlyMatch(string? RequestedRegion, int? RequestedYear, string FactorRegion, int? FactorYear) : FactorFallback
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"supplier footprint matched by key alone (asked {RequestedRegion ?? RegionHierarchy.Global}{(RequestedYear is { } y ? $" {y}" : string.Empty)}, footprint {FactorRegion}{(FactorYear is { } f ? $" {f}" : string.Empty)})";
}
