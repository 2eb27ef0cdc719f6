namespace Pcf.Accounting.Rules;

/// <summary>Which life-cycle stages a footprint covers.</summary>
public enum SystemBoundary
{
    /// <summary>From raw material acquisition to the factory gate (the default of this library and of PACT).</summary>
    CradleToGate = 0,

    /// <summary>The production stage only.</summary>
    GateToGate = 1,

    /// <summary>The whole life cycle, including distribution, use and end of life.</summary>
    CradleToGrave = 2,
}
