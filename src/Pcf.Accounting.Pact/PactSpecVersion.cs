namespace Pcf.Accounting.Pact;

/// <summary>The PACT Technical Specifications versions this package reads and writes.</summary>
public enum PactSpecVersion
{
    /// <summary>Version 2.3 (deprecated, still exchanged): <c>specVersion</c> 2.x.y.</summary>
    Version23 = 23,

    /// <summary>Version 3.0 (current): <c>specVersion</c> 3.x.y; the default.</summary>
    Version30 = 30,
}
