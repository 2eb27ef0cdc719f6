namespace Pcf.Accounting.Vectors;

/// <summary>The input of a template vector: a sector template's id and its parameters (a <c>pcf-template-params/1</c> document).</summary>
/// <param name="Id">The template id, such as <c>cement/clinker</c>.</param>
/// <param name="Parameters">The parameters document, UTF-8 JSON.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record VectorTemplate(string Id, ReadOnlyMemory<byte> Parameters)
{
    /// <summary>Gets the folder that file names among the parameters are resolved against: the vector's folder when the runner
    /// runs it; <see langword="null"/> for the current directory.</summary>
    public string? Folder { get; init; }
}
