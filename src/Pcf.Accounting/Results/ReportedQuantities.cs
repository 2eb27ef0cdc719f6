using Pcf.Accounting.Units;

namespace Pcf.Accounting.Results;

/// <summary>The quantities ISO 14067, GB/T 24067 and PACT 3.0 report separately, in kg CO2e per declared unit; removals are negative.</summary>
/// <remarks>
/// <para>Every emission and removal of the inventory falls in exactly one of the categories from
/// <see cref="FossilGhgEmissions"/> to <see cref="CcsTechnologicalCo2Capture"/>, except that
/// <see cref="LandManagementFossilGhgEmissions"/> is also part of <see cref="FossilGhgEmissions"/>
/// (as PACT 3.0 defines it). <see cref="AircraftEmissions"/>, <see cref="PackagingEmissions"/>,
/// <see cref="OutboundLogisticsEmissions"/> and <see cref="SystemExpansionCredits"/> are "of which"
/// lines: parts of the totals, shown again.</para>
/// <para>The totals of <see cref="FootprintResult"/> are exact sums of these categories:
/// excluding uptake = fossil + biogenic CO2 + biogenic non-CO2 + land-use change + land-management
/// biogenic CO2 emissions + land-management removals + technological removals + CCS capture;
/// including uptake = excluding uptake + biogenic CO2 uptake.</para>
/// </remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ReportedQuantities
{
    /// <summary>Gets fossil GHG emissions (all gases of non-biogenic origin), land-management fossil emissions included (PACT <c>fossilGhgEmissions</c>).</summary>
    public required Quantity FossilGhgEmissions { get; init; }

    /// <summary>Gets biogenic CO2 emissions outside land management (combustion or decay of biomass).</summary>
    public required Quantity BiogenicCo2Emissions { get; init; }

    /// <summary>Gets biogenic CO2 taken up into the product (PACT <c>biogenicCO2Uptake</c>); zero or negative.</summary>
    public required Quantity BiogenicCo2Uptake { get; init; }

    /// <summary>Gets biogenic methane emissions (PACT <c>biogenicNonCO2Emissions</c>).</summary>
    public required Quantity BiogenicNonCo2Emissions { get; init; }

    /// <summary>Gets emissions from direct land-use change (PACT <c>landUseChangeGhgEmissions</c>).</summary>
    public required Quantity LandUseChangeEmissions { get; init; }

    /// <summary>Gets fossil emissions from land management, also counted in <see cref="FossilGhgEmissions"/> (PACT <c>landManagementFossilGhgEmissions</c>).</summary>
    public required Quantity LandManagementFossilGhgEmissions { get; init; }

    /// <summary>Gets biogenic CO2 emissions from land management (PACT <c>landManagementBiogenicCO2Emissions</c>).</summary>
    public required Quantity LandManagementBiogenicCo2Emissions { get; init; }

    /// <summary>Gets biogenic CO2 removals into land carbon pools (PACT <c>landManagementBiogenicCO2Removals</c>); zero or negative.</summary>
    public required Quantity LandManagementBiogenicCo2Removals { get; init; }

    /// <summary>Gets technological CO2 removals such as DACCS (PACT <c>technologicalCO2Removals</c>); zero or negative.</summary>
    public required Quantity TechnologicalCo2Removals { get; init; }

    /// <summary>Gets CO2 captured and stored geologically (PACT <c>ccsTechnologicalCO2Capture</c>); zero or negative.</summary>
    public required Quantity CcsTechnologicalCo2Capture { get; init; }

    /// <summary>Gets the emissions of aircraft transport (processes tagged <see cref="Model.Tags.AircraftTransport"/>), excluding biogenic uptake.</summary>
    public required Quantity AircraftEmissions { get; init; }

    /// <summary>Gets the emissions of packaging processes (tagged <see cref="Model.Tags.Packaging"/>), excluding biogenic uptake.</summary>
    public required Quantity PackagingEmissions { get; init; }

    /// <summary>Gets the emissions of outbound logistics processes (tagged <see cref="Model.Tags.OutboundLogistics"/>), excluding biogenic uptake.</summary>
    public required Quantity OutboundLogisticsEmissions { get; init; }

    /// <summary>Gets the credits of co-products that displace other supplies under system expansion (negative when the displaced supply emits); already included in the categories above.</summary>
    public required Quantity SystemExpansionCredits { get; init; }
}
