namespace Pcf.Accounting.Pact.V2;

/// <summary>Assurance of a PACT 2.3 footprint (<c>assurance</c>; 3.0 calls it <c>verification</c>).</summary>
/// <param name="IsAssured">Whether the footprint was assured (<c>assurance</c>).</param>
/// <param name="ProviderName">The assurance provider (<c>providerName</c>).</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Assurance(
    [property: System.Text.Json.Serialization.JsonPropertyName("assurance")] bool IsAssured,
    string ProviderName)
{
    /// <summary>Gets the coverage: <c>corporate level</c>, <c>product line</c>, <c>PCF system</c> or <c>product level</c>.</summary>
    public string? Coverage { get; init; }

    /// <summary>Gets the level: <c>limited</c> or <c>reasonable</c>.</summary>
    public string? Level { get; init; }

    /// <summary>Gets the boundary: <c>Gate-to-Gate</c> or <c>Cradle-to-Gate</c>.</summary>
    public string? Boundary { get; init; }

    /// <summary>Gets when the assurance was completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets the standard assured against.</summary>
    public string? StandardName { get; init; }

    /// <summary>Gets comments.</summary>
    public string? Comments { get; init; }
}
