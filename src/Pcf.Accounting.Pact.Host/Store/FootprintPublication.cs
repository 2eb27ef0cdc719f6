using System.Collections.Immutable;

namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>A footprint to store: the PACT 3.0 footprint, what it was calculated from, and who may see it.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FootprintPublication
{
    /// <summary>Gets the footprint. When a version of the same product is current, the store applies the update rule
    /// (<see cref="PactLifecycle.Supersede"/>): a new id if needed, <c>precedingPfIds</c>, status <c>Active</c>.</summary>
    public required V3.ProductFootprint Footprint { get; init; }

    /// <summary>Gets the key the product's versions share; <see langword="null"/> for the footprint's first product id (compared without case).</summary>
    public string? ProductKey { get; init; }

    /// <summary>Gets the calculation result, <c>pcf-result/1</c> JSON text, if any.</summary>
    public string? ResultJson { get; init; }

    /// <summary>Gets the product system's content hash.</summary>
    public string? SystemHash { get; init; }

    /// <summary>Gets the factor sets' content hashes.</summary>
    public ImmutableArray<ContentHash> FactorSetHashes { get; init; } = [];

    /// <summary>Gets the clients the footprint is shared with, besides those the previous version was shared with (<c>*</c> for every client).</summary>
    public ImmutableArray<string> ShareWith { get; init; } = [];

    /// <summary>Gets the key a publication of this footprint uses.</summary>
    internal string EffectiveProductKey => (ProductKey ?? Footprint.ProductIds[0]).ToLowerInvariant();
}
