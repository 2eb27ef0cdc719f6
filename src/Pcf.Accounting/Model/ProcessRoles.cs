namespace Pcf.Accounting.Model;

/// <summary>Roles of a process whose emissions are reported separately (PACT 3.0 fields), besides being counted in the total.</summary>
[Flags]
public enum ProcessRoles
{
    /// <summary>No separately reported role.</summary>
    None = 0,

    /// <summary>Transport by aircraft: reported as aircraft emissions (ISO 14067 cl. 6.4.9.4; PACT <c>aircraftGhgEmissions</c>).</summary>
    AircraftTransport = 1,

    /// <summary>Packaging of the product (PACT <c>packagingGhgEmissions</c>).</summary>
    Packaging = 2,

    /// <summary>Outbound logistics up to the customer (PACT <c>outboundLogisticsGhgEmissions</c>).</summary>
    OutboundLogistics = 4,
}
