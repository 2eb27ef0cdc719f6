namespace Pcf.Accounting.Engine;

/// <summary>A factor set whose content changed since a result was calculated: the result is stale.</summary>
/// <param name="Name">The dataset (or provider) name, as in <see cref="Results.FootprintResult.FactorSets"/>.</param>
/// <param name="StoredHash">The hash the result carries.</param>
/// <param name="CurrentHash">The hash of the same requests resolved today; <see langword="null"/> when the dataset no longer answers them.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record StaleFactorSet(string Name, string StoredHash, string? CurrentHash);
