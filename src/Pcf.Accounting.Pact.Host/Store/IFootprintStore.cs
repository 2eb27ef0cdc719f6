using System.Collections.Immutable;

namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>Where a PACT host keeps footprints (every version, with its result, content hashes and access list), its clients,
/// and the events it owes other hosts.</summary>
/// <remarks>
/// <para>Implementations: <see cref="SqliteFootprintStore"/> (a file beside the host, the embedded default) and
/// <see cref="PostgresFootprintStore"/> (shared by several hosts). <see cref="FootprintStores.Open"/> picks one from a
/// connection string such as <c>sqlite:footprints.db</c>.</para>
/// <para>Every write is one transaction: a write that fails halfway leaves the store as it was. The schema is versioned;
/// <see cref="MigrateAsync"/> brings it up to date and is run by the host on start.</para>
/// </remarks>
/// <threadsafety>Implementations are thread-safe.</threadsafety>
public interface IFootprintStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema to <see cref="FootprintStoreSchema.Version"/>, each migration in its own transaction.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The schema version before the migrations ran (0 for a new store).</returns>
    Task<int> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a footprint; the current version of the same product becomes deprecated and is listed in the new one's <c>precedingPfIds</c>.</summary>
    /// <param name="publication">The footprint and what goes with it.</param>
    /// <param name="cancellationToken">Cancels the write (rolled back).</param>
    /// <returns>The stored version, as served.</returns>
    /// <exception cref="ArgumentException">The footprint is not valid PACT 3.0, or its id is already stored.</exception>
    Task<StoredFootprint> PublishAsync(FootprintPublication publication, CancellationToken cancellationToken = default);

    /// <summary>Gets one stored version, with the clients it is shared with.</summary>
    /// <param name="id">The footprint id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version, or <see langword="null"/>.</returns>
    Task<StoredFootprint?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Lists the footprints a client may see that match the query, a page at a time, in store order.</summary>
    /// <param name="query">The client, filters, limit and position.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    Task<FootprintPage> ListAsync(FootprintQuery query, CancellationToken cancellationToken = default);

    /// <summary>Gets every version of a product, oldest first.</summary>
    /// <param name="productKey">The product key (compared without case), or any of the product's ids.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The versions.</returns>
    Task<ImmutableArray<StoredFootprint>> HistoryAsync(string productKey, CancellationToken cancellationToken = default);

    /// <summary>Shares a stored footprint (and the later versions of its product) with a client.</summary>
    /// <param name="id">The footprint id.</param>
    /// <param name="clientId">The client, or <c>*</c> for every client.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when the footprint is not stored.</returns>
    Task<bool> ShareAsync(Guid id, string clientId, CancellationToken cancellationToken = default);

    /// <summary>Tells which inputs of a stored result have changed since: its system or factor-set hashes against the latest the store knows under the same names.</summary>
    /// <param name="footprint">A stored version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changed inputs; empty when the result is current.</returns>
    Task<ImmutableArray<StaleInput>> StalenessAsync(StoredFootprint footprint, CancellationToken cancellationToken = default);

    /// <summary>Records the current hashes of systems or factor sets (publishing does this for its own inputs).</summary>
    /// <param name="hashes">The hashes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task RecordCurrentHashesAsync(IEnumerable<ContentHash> hashes, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces a client.</summary>
    /// <param name="client">The client.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task SaveClientAsync(PactClient client, CancellationToken cancellationToken = default);

    /// <summary>Finds a client.</summary>
    /// <param name="clientId">The client id (exact).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The client, or <see langword="null"/>.</returns>
    Task<PactClient?> FindClientAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Lists the clients.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The clients, by id.</returns>
    Task<ImmutableArray<PactClient>> ClientsAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a client and its access.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><see langword="false"/> when there was no such client.</returns>
    Task<bool> RemoveClientAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>Gets the key the host signs access tokens and pagination with, created on first use and shared by every host on the store.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>32 random bytes.</returns>
    Task<byte[]> SigningKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>Queues an event for delivery to another host.</summary>
    /// <param name="outgoing">The event.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task EnqueueEventAsync(OutgoingEvent outgoing, CancellationToken cancellationToken = default);

    /// <summary>Claims events whose next attempt is due, for a lease (another host sharing the store does not take them meanwhile).</summary>
    /// <param name="now">The time now.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="max">The most events to claim.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The claimed events.</returns>
    Task<ImmutableArray<OutgoingEvent>> ClaimDueEventsAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of a delivery attempt.</summary>
    /// <param name="sequence">The event's sequence number.</param>
    /// <param name="state">Delivered, abandoned, or pending again.</param>
    /// <param name="nextAttempt">When to try again (pending only).</param>
    /// <param name="error">What went wrong, if anything.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task CompleteEventAsync(long sequence, OutgoingEventState state, DateTimeOffset? nextAttempt, string? error, CancellationToken cancellationToken = default);

    /// <summary>Gets the queued and sent events, newest first (for operators and tests).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    Task<ImmutableArray<OutgoingEvent>> OutgoingEventsAsync(CancellationToken cancellationToken = default);

    /// <summary>Records an event another host sent (accepted events are kept for audit).</summary>
    /// <param name="clientId">The sending client.</param>
    /// <param name="type">The event type name.</param>
    /// <param name="eventId">The event id.</param>
    /// <param name="source">The event source.</param>
    /// <param name="payload">The event JSON.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    Task RecordReceivedEventAsync(string clientId, string type, string eventId, string source, string payload, CancellationToken cancellationToken = default);
}

/// <summary>Where an outgoing event is in its delivery.</summary>
public enum OutgoingEventState
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 0,

    /// <summary>The other host accepted it (HTTP 2xx).</summary>
    Delivered = 1,

    /// <summary>Given up after the retry period (PACT: after 72 hours) or a permanent refusal.</summary>
    Abandoned = 2,
}

/// <summary>An event the host owes another host: a fulfilled or rejected request, or a published footprint.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record OutgoingEvent
{
    /// <summary>Gets the store's sequence number (0 before it is queued).</summary>
    public long Sequence { get; init; }

    /// <summary>Gets the event id.</summary>
    public required string EventId { get; init; }

    /// <summary>Gets the client whose host receives it.</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the events endpoint it goes to.</summary>
    public required Uri Target { get; init; }

    /// <summary>Gets the event JSON.</summary>
    public required string Payload { get; init; }

    /// <summary>Gets the attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets when it was queued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the next attempt is due.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Gets the delivery state.</summary>
    public OutgoingEventState State { get; init; }

    /// <summary>Gets the last error, if any.</summary>
    public string? LastError { get; init; }
}
