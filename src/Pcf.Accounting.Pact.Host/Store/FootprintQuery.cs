using Pcf.Accounting.Pact.Events;

namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>A page of footprints a client asks for: ListFootprints' filters, a limit, and where the previous page ended.</summary>
/// <param name="ClientId">The client asking; only footprints shared with it (or with every client) are seen. <see langword="null"/> for the store's owner (the CLI), who sees all.</param>
/// <param name="Criteria">The filters (OR within one, AND across).</param>
/// <param name="Limit">The most footprints to return (at least 1).</param>
/// <param name="After">The <see cref="StoredFootprint.Sequence"/> the previous page ended at; 0 for the first page.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FootprintQuery(string? ClientId, PactRequestCriteria Criteria, int Limit, long After = 0);

/// <summary>A page of footprints.</summary>
/// <param name="Items">The footprints, in store order.</param>
/// <param name="HasMore">Whether more footprints follow: then <c>After</c> = the last item's sequence gets them.</param>
/// <threadsafety>Immutable.</threadsafety>
public sealed record FootprintPage(System.Collections.Immutable.ImmutableArray<StoredFootprint> Items, bool HasMore);
