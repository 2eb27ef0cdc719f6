namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>A data recipient allowed to call the host: its credentials (the secret only as a hash) and where its own host takes events.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactClient
{
    /// <summary>Gets the client id (OAuth2 <c>client_id</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets a name for people.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the PBKDF2 hash of the secret (<see cref="Security.ClientSecrets"/>); the secret itself is never stored.</summary>
    public required string SecretHash { get; init; }

    /// <summary>Gets a value indicating whether the client may no longer obtain or use tokens.</summary>
    public bool Disabled { get; init; }

    /// <summary>Gets the base URL of the client's own PACT host (its <c>/3/events</c> takes answers to its requests and published
    /// events); <see langword="null"/> when it takes none. A request whose <c>source</c> is not under it is refused.</summary>
    public Uri? EventsBaseUrl { get; init; }

    /// <summary>Gets the client id the host presents to the client's host to send it events (its credentials there, given by that host).</summary>
    public string? EventsClientId { get; init; }

    /// <summary>Gets the secret the host presents to the client's host; stored as given, since it must be presented.</summary>
    public string? EventsClientSecret { get; init; }
}
