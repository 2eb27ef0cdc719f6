namespace Pcf.Accounting.Pact;

/// <summary>The two footprints after an update: the old one marked deprecated, and its successor.</summary>
/// <param name="Deprecated">The old footprint, now <see cref="PfStatus.Deprecated"/>.</param>
/// <param name="Current">The new footprint: a new id, <see cref="PfStatus.Active"/>, the old id in <c>precedingPfIds</c>.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactUpdate(V3.ProductFootprint Deprecated, V3.ProductFootprint Current);
