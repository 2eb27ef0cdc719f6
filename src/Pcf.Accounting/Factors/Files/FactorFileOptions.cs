using Pcf.Accounting.Json;

namespace Pcf.Accounting.Factors.Files;

/// <summary>How factor files are read: the limits of the reader and the fallbacks of the providers made from them.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FactorFileOptions
{
    /// <summary>Gets the default options.</summary>
    public static FactorFileOptions Default { get; } = new();

    /// <summary>Gets the limits applied while reading (size, depth, counts).</summary>
    /// <value>The default value is <see cref="JsonReadOptions.Default"/>.</value>
    public JsonReadOptions Limits { get; init; } = JsonReadOptions.Default;

    /// <summary>Gets the fallbacks the providers made from the files allow.</summary>
    /// <value>The default value is <see cref="FallbackPolicy.Default"/>.</value>
    public FallbackPolicy Policy { get; init; } = FallbackPolicy.Default;
}
