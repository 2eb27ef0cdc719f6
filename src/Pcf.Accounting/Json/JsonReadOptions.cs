namespace Pcf.Accounting.Json;

/// <summary>Limits applied when reading Pcf.Accounting JSON documents, so that a hostile or broken file fails fast with a clear message.</summary>
/// <remarks>The defaults fit an ecoinvent-sized system (about 20,000 processes) with a wide margin. A format with switches of
/// its own derives from this record (the PACT package's <c>PactReadOptions</c>), so every format has the same limits.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public record JsonReadOptions
{
    /// <summary>Gets the default limits.</summary>
    public static JsonReadOptions Default { get; } = new();

    /// <summary>Gets the largest document accepted, in bytes.</summary>
    /// <value>The default value is 256 MiB.</value>
    public long MaxDocumentBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Gets the deepest nesting of objects and arrays accepted.</summary>
    /// <value>The default value is 32; the format itself needs 6.</value>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Gets the largest number of items accepted in any one array (flows, processes, inputs of one process ...).</summary>
    /// <value>The default value is 1,000,000.</value>
    public int MaxArrayLength { get; init; } = 1_000_000;
}
