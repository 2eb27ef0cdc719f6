namespace Pcf.Accounting.Factors;

/// <summary>What an emission factor covers: the whole upstream chain, or only the emissions at the point of use.</summary>
/// <remarks>A product carbon footprint (ISO 14067, GB/T 24067) needs <see cref="LifeCycle"/> factors for background
/// inputs; <see cref="CombustionOnly"/> factors (such as the Chinese MEE grid CO2 factors) serve enterprise
/// inventories, emissions trading and CBAM indirect-emission figures. Results record which kind was used.</remarks>
public enum FactorKind
{
    /// <summary>Not stated.</summary>
    Unspecified = 0,

    /// <summary>Cradle-to-gate (life-cycle) emissions per unit, including upstream supply chains.</summary>
    LifeCycle = 1,

    /// <summary>Only the direct emissions of combustion (or generation) per unit; no upstream chain.</summary>
    CombustionOnly = 2,
}
