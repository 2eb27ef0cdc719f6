namespace Pcf.Accounting.Pact;

/// <summary>Where biogenic CO2 emissions outside land management (biomass combustion and decay) go in a PACT 3.0 export.</summary>
/// <remarks>
/// PACT 3.0's description of <c>pcfExcludingBiogenicUptake</c> includes "all biogenic emissions (biogenic CH4,
/// biogenic CO2)", but its sum rule (<c>x-comment</c>) has no term for biogenic CO2 outside land management, and
/// no field holds it. The totals and the sum rule can both hold only if the amount sits in a term of the rule.
/// </remarks>
public enum PactBiogenicCo2Handling
{
    /// <summary>Add it to <c>landManagementBiogenicCO2Emissions</c>: the totals equal the result's, the sum rule holds, and the export lists the approximation. The default.</summary>
    AddToLandManagementBiogenicCo2Emissions = 0,

    /// <summary>Leave it out of both totals (the "-1/+1" view: carbon taken up and released within the boundary nets to zero); the export lists the omission.</summary>
    ExcludeFromTotals = 1,
}
