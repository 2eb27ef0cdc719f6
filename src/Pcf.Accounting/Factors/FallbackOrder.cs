namespace Pcf.Accounting.Factors;

/// <summary>Which fallback a provider tries first when the exact region and year have no factor.</summary>
public enum FallbackOrder
{
    /// <summary>Keep the requested year and widen the region first (CN-JS 2023 -> CN-GRID-EAST 2023 before CN-JS 2022); only then go back in time.</summary>
    PreferSameYear = 0,

    /// <summary>Keep the requested region and go back in time first (CN-JS 2023 -> CN-JS 2022 before CN-GRID-EAST 2023).</summary>
    PreferSameRegion = 1,
}
