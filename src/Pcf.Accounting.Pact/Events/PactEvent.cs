using System.Collections.Immutable;

namespace Pcf.Accounting.Pact.Events;

/// <summary>A valid PACT event (a CloudEvent in structured JSON mode): the envelope and the data of its type.</summary>
/// <remarks>Only the members of <see cref="Type"/> are set: <see cref="Criteria"/> for a request, <see cref="RequestEventId"/>
/// and <see cref="Footprints"/> for a fulfilled request, <see cref="RequestEventId"/> and <see cref="Error"/> for a rejected
/// one, <see cref="PublishedIds"/> for a published event. Read and validate with <see cref="PactEventJson.Read"/>.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record PactEvent
{
    /// <summary>Gets the event type.</summary>
    public required PactEventType Type { get; init; }

    /// <summary>Gets the specification version the event follows (3.0 or 2.3), from its type name.</summary>
    public required PactSpecVersion SpecVersion { get; init; }

    /// <summary>Gets the event id (<c>id</c>), unique for its <see cref="Source"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets where the event comes from (<c>source</c>): the sender's host, and where answers are sent.</summary>
    public required string Source { get; init; }

    /// <summary>Gets when the event occurred (<c>time</c>).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets what a <see cref="PactEventType.RequestCreated"/> asks for (3.0 criteria; a 2.3 request's <c>data.pf</c> fragment is read for its <c>productIds</c>).</summary>
    public PactRequestCriteria? Criteria { get; init; }

    /// <summary>Gets the id of the request a fulfilled or rejected event answers (<c>data.requestEventId</c>).</summary>
    public string? RequestEventId { get; init; }

    /// <summary>Gets the footprints of a fulfilled request (<c>data.pfs</c>), each with its version.</summary>
    public ImmutableArray<PactFootprint> Footprints { get; init; } = [];

    /// <summary>Gets why a request was rejected (<c>data.error</c>).</summary>
    public PactError? Error { get; init; }

    /// <summary>Gets the ids of the footprints a published event announces (<c>data.pfIds</c>).</summary>
    public ImmutableArray<Guid> PublishedIds { get; init; } = [];

    /// <summary>Gets the CloudEvents type name of an event type in a version.</summary>
    /// <param name="type">The type.</param>
    /// <param name="version">The version.</param>
    /// <returns>The name, such as <c>org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3</c>.</returns>
    public static string TypeName(PactEventType type, PactSpecVersion version = PactSpecVersion.Version30) => (type, version) switch
    {
        (PactEventType.RequestCreated, PactSpecVersion.Version30) => "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3",
        (PactEventType.RequestFulfilled, PactSpecVersion.Version30) => "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3",
        (PactEventType.RequestRejected, PactSpecVersion.Version30) => "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3",
        (PactEventType.Published, PactSpecVersion.Version30) => "org.wbcsd.pact.ProductFootprint.PublishedEvent.3",
        (PactEventType.RequestCreated, _) => "org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1",
        (PactEventType.RequestFulfilled, _) => "org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1",
        (PactEventType.RequestRejected, _) => "org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1",
        (PactEventType.Published, _) => "org.wbcsd.pathfinder.ProductFootprint.Published.v1",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a PACT event type."),
    };
}
