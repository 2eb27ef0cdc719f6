namespace Pcf.Accounting.Pact;

/// <summary>One ProductFootprint read from a document: either 2.3 or 3.0, with where it was found.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactFootprint
{
    internal PactFootprint(string path, V3.ProductFootprint? v3, V2.ProductFootprint? v2)
    {
        Path = path;
        V3 = v3;
        V2 = v2;
    }

    /// <summary>Gets the JSON path of the footprint in its document, such as <c>$.data[0]</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the version of the footprint.</summary>
    public PactSpecVersion SpecVersion => V3 is null ? PactSpecVersion.Version23 : PactSpecVersion.Version30;

    /// <summary>Gets the footprint when it is a 3.0 document; otherwise <see langword="null"/>.</summary>
    public V3.ProductFootprint? V3 { get; }

    /// <summary>Gets the footprint when it is a 2.3 document; otherwise <see langword="null"/>.</summary>
    public V2.ProductFootprint? V2 { get; }
}
