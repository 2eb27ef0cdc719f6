namespace Pcf.Accounting.Results;

/// <summary>The content hash of the factors a result used from one dataset (or one provider, for factors without a dataset).</summary>
/// <param name="Name">The dataset's id, else the provider's name.</param>
/// <param name="Version">The dataset's version, if stated.</param>
/// <param name="Licence">The licence of the dataset's values, if stated.</param>
/// <param name="Hash">The SHA-256 of the canonical content of every factor used from it, with the requests they answered (<c>sha256:</c> and 64 hex digits).</param>
/// <remarks>Resolving the same system again and finding another hash means the data changed: a stored result is stale.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorSetHash(string Name, string? Version, string? Licence, string Hash);
