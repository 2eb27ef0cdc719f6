namespace Pcf.Accounting.Model;

/// <summary>The tags the engine itself reads: processes whose emissions PACT 3.0 and ISO 14067 report separately.</summary>
public static class Tags
{
    /// <summary>Gets <c>report:aircraft</c>: transport by aircraft (ISO 14067 cl. 6.4.9.4; PACT <c>aircraftGhgEmissions</c>).</summary>
    public static Tag AircraftTransport { get; } = Tag.Parse("report:aircraft");

    /// <summary>Gets <c>report:packaging</c>: packaging of the product (PACT <c>packagingGhgEmissions</c>).</summary>
    public static Tag Packaging { get; } = Tag.Parse("report:packaging");

    /// <summary>Gets <c>report:outbound-logistics</c>: outbound logistics up to the customer (PACT <c>outboundLogisticsGhgEmissions</c>).</summary>
    public static Tag OutboundLogistics { get; } = Tag.Parse("report:outbound-logistics");
}
