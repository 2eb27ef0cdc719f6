namespace Pcf.Accounting.Pact.V3;

/// <summary>Third-party verification of a PACT 3.0 footprint (<c>verification</c>; renamed from 2.3's <c>assurance</c>).</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Verification
{
    /// <summary>Gets the coverage: <c>PCF calculation model</c>, <c>PCF program</c> or <c>product level</c>.</summary>
    public string? Coverage { get; init; }

    /// <summary>Gets the verifier's name.</summary>
    public string? ProviderName { get; init; }

    /// <summary>Gets when the verification was completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets the standard verified against.</summary>
    public string? StandardName { get; init; }

    /// <summary>Gets comments on the verification.</summary>
    public string? Comments { get; init; }
}
