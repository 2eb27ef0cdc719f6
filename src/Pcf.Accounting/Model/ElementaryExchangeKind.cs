namespace Pcf.Accounting.Model;

/// <summary>What an <see cref="ElementaryExchange"/> is: an emission or a removal, and of which separately reported kind.</summary>
/// <remarks>
/// The amount of an exchange is always a positive mass; the kind gives its sign. Emissions add to
/// the footprint; removals and captures subtract. The kinds map one-to-one onto the quantities that
/// ISO 14067 and GB/T 24067 report separately and onto PACT 3.0's fields, so credits are never
/// netted silently.
/// </remarks>
public enum ElementaryExchangeKind
{
    /// <summary>An emission to air from combustion, industrial processes or fugitive sources; fossil or biogenic by the gas's origin.</summary>
    Emission = 0,

    /// <summary>Biogenic CO2 taken up by biomass that is in the product at the gate (PACT <c>biogenicCO2Uptake</c>); gas must be biogenic CO2.</summary>
    BiogenicUptake = 1,

    /// <summary>An emission from direct land-use change (PACT <c>landUseChangeGhgEmissions</c>).</summary>
    LandUseChangeEmission = 2,

    /// <summary>An emission from land management within one land-use category (PACT <c>landManagement*Emissions</c>).</summary>
    LandManagementEmission = 3,

    /// <summary>A biogenic CO2 removal into land-based carbon pools (PACT <c>landManagementBiogenicCO2Removals</c>); gas must be biogenic CO2.</summary>
    LandManagementRemoval = 4,

    /// <summary>CO2 removed from the atmosphere by technology, such as DACCS or BECCS (PACT <c>technologicalCO2Removals</c>); gas must be CO2.</summary>
    TechnologicalRemoval = 5,

    /// <summary>CO2 captured from a process stream and stored geologically (PACT <c>ccsTechnologicalCO2Capture</c>); gas must be CO2.</summary>
    CcsCapture = 6,
}
