namespace Pcf.Accounting.Pact;

/// <summary>How a supplier's footprint answers a buyer's factor request.</summary>
public enum SupplierFootprintMatching
{
    /// <summary>By key alone: the footprint describes the very product bought, wherever and whenever the buyer's process runs;
    /// a request for another region or year gets it as it is, and the result records the rule (<see cref="Factors.KeyOnlyMatch"/>).
    /// The default.</summary>
    KeyOnly = 0,

    /// <summary>By key, region and year, with the usual fallbacks (region chain, earlier years) recorded as for any factor:
    /// for a supplier who publishes one footprint per plant region and year.</summary>
    KeyRegionAndYear = 1,
}
