namespace Pcf.Accounting.Gases;

/// <summary>Where the carbon in a carbon-bearing greenhouse gas comes from.</summary>
/// <remarks>ISO 14067 and GB/T 24067 report fossil and biogenic emissions separately; PACT 3.0
/// has separate fields for biogenic CO2 and biogenic non-CO2 (methane) emissions.</remarks>
public enum CarbonOrigin
{
    /// <summary>The gas contains no carbon whose origin matters (N2O, SF6, NF3), or the species is not split by origin.</summary>
    NotApplicable = 0,

    /// <summary>Carbon from fossil sources (coal, oil, gas, carbonate minerals).</summary>
    Fossil = 1,

    /// <summary>Carbon from biomass (wood, crops, biogas).</summary>
    Biogenic = 2,
}
