namespace Pcf.Accounting.Factors;

/// <summary>How a provider answered one factor request.</summary>
public enum FactorLookupStatus
{
    /// <summary>The provider has no factor for the key within its fallbacks: the next provider is asked.</summary>
    NotFound = 0,

    /// <summary>The provider has a factor (<see cref="FactorLookup.Match"/>).</summary>
    Found = 1,

    /// <summary>The provider's factor for the key is per a unit of another dimension (per kg when kWh is asked for): an error,
    /// never a silent conversion, and lower-priority providers are not asked to stand in.</summary>
    WrongDimension = 2,
}
