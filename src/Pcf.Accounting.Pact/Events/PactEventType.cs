namespace Pcf.Accounting.Pact.Events;

/// <summary>The four PACT events (CloudEvents <c>type</c>), the same in 3.0 and 2.3 but named differently.</summary>
public enum PactEventType
{
    /// <summary>A data recipient asks for footprints (3.0 <c>org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3</c>, 2.3 <c>org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1</c>).</summary>
    RequestCreated = 1,

    /// <summary>The data owner answers a request with footprints (3.0 <c>…RequestFulfilledEvent.3</c>, 2.3 <c>…Request.Fulfilled.v1</c>).</summary>
    RequestFulfilled = 2,

    /// <summary>The data owner cannot answer a request (3.0 <c>…RequestRejectedEvent.3</c>, 2.3 <c>…Request.Rejected.v1</c>).</summary>
    RequestRejected = 3,

    /// <summary>The data owner published new or updated footprints (3.0 <c>…PublishedEvent.3</c>, 2.3 <c>…Published.v1</c>).</summary>
    Published = 4,
}
