using System.Text.Json;

namespace Pcf.Accounting.Pact;

/// <summary>A data model extension attached to a ProductFootprint, kept as JSON (PACT <c>DataModelExtension</c>).</summary>
/// <param name="SpecVersion">The extension specification version, such as <c>2.0.0</c>.</param>
/// <param name="DataSchema">The URL of the extension's schema.</param>
/// <param name="Data">The extension's data object, as read.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record DataModelExtension(string SpecVersion, string DataSchema, JsonElement Data)
{
    /// <summary>Gets the URL of the extension's documentation, if any.</summary>
    public string? Documentation { get; init; }
}
