namespace Pcf.Accounting.Json;

/// <summary>Limits applied when reading Pcf.Accounting documents (pcf-system/1, pcf-factors/1 and the factor CSV, pcf-vector/1,
/// pcf-result/1 and the files they name), so that a hostile or broken file fails fast with a clear message.</summary>
/// <remarks>
/// <para>The defaults fit an ecoinvent-sized system (about 20,000 processes) with a wide margin. Every limit is enforced by the
/// shared reader, so every format gets it: a document past one is refused with a problem that names the limit, its path and
/// the setting (<c>PcfAccounting:JsonLimits:...</c> in configuration).</para>
/// <para>Size is enforced while reading a file (<see cref="JsonFile"/>): an endless stream stops at the limit.</para>
/// <para>A format with switches of its own derives from this record (the PACT package's <c>PactReadOptions</c>), so every
/// format has the same limits.</para>
/// </remarks>
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

    /// <summary>Gets the largest number of items accepted in any one array (flows, processes, inputs of one process ...), and of rows in a factor CSV.</summary>
    /// <value>The default value is 1,000,000.</value>
    public int MaxArrayLength { get; init; } = 1_000_000;

    /// <summary>Gets the longest string value accepted (an id, a name, a description), in characters.</summary>
    /// <value>The default value is 100,000: a description of a few pages; ids and units are far shorter.</value>
    public int MaxStringLength { get; init; } = 100_000;

    /// <summary>Gets the largest magnitude of a number accepted (an amount, a factor, a price, an expected value); a non-zero number
    /// must also be at least its reciprocal in magnitude.</summary>
    /// <value>The default value is 10³⁰: far beyond any physical amount of a footprint (the world's annual CO2 is about 4 × 10¹³ kg),
    /// and small enough that no product of amounts, conversions and factors leaves the range of a double (about 10³⁰⁸).
    /// Set <see cref="double.MaxValue"/> to accept every finite number.</value>
    public double MaxNumberMagnitude { get; init; } = 1e30;

    /// <summary>Gets the largest number of problems listed for one document; past it, one more problem says how many were not listed.</summary>
    /// <value>The default value is 1,000.</value>
    public int MaxProblems { get; init; } = 1_000;
}
