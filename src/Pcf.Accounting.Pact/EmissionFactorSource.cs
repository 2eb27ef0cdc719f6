namespace Pcf.Accounting.Pact;

/// <summary>A secondary emission-factor database and its version (PACT 3.0 <c>EmissionFactorSource</c>, 2.3 <c>EmissionFactorDatabases</c>).</summary>
/// <param name="Name">The database, such as <c>ecoinvent</c>.</param>
/// <param name="Version">Its version, such as <c>3.9.1</c>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record EmissionFactorSource(string Name, string Version);
