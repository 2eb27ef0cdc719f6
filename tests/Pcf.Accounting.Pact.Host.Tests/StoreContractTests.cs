using Npgsql;
using Pcf.Accounting.Pact.Events;
using Pcf.Accounting.Pact.Host.Security;
using Pcf.Accounting.Pact.Host.Store;

namespace Pcf.Accounting.Pact.Host.Tests;

/// <summary>The behaviour every store must have; run on SQLite and on a real PostgreSQL server.</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private SqlFootprintStore? _store;

    protected ManualTime Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Creates an empty store, or skips the test with the reason.</summary>
    internal abstract Task<SqlFootprintStore> CreateAsync();

    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await CleanupAsync();
    }

    private async Task<SqlFootprintStore> StoreAsync()
    {
        _store ??= await CreateAsync();
        await _store.MigrateAsync();
        return _store;
    }

    private static FootprintPublication Publication(Pcf.Accounting.Pact.V3.ProductFootprint footprint, params string[] share) =>
        new() { Footprint = footprint, ShareWith = [.. share] };

    [SkippableFact]
    public async Task Migrate_NewStore_CreatesEverySchemaVersionOnce()
    {
        var store = _store = await CreateAsync();

        Assert.Equal(0, await store.MigrateAsync());
        Assert.Equal(FootprintStoreSchema.Version, await store.MigrateAsync());
    }

    [SkippableFact]
    public async Task Publish_ThenGet_ReadsBackDocumentResultAndHashes()
    {
        var store = await StoreAsync();
        var footprint = Footprints.Make();

        var stored = await store.PublishAsync(new FootprintPublication
        {
            Footprint = footprint, ResultJson = """{"format":"pcf-result/1","total":1.5}""", SystemHash = "sha256:" + new string('a', 64),
            FactorSetHashes = [new ContentHash("grid.json", "sha256:" + new string('b', 64))], ShareWith = ["buyer"],
        });
        var read = await store.GetAsync(footprint.Id);

        Assert.NotNull(read);
        Assert.Equal(stored, read with { SharedWith = stored.SharedWith, FactorSetHashes = stored.FactorSetHashes });
        Assert.Equal(Convert.ToBase64String(PactJson.Write(footprint)), Convert.ToBase64String(PactJson.Write(read.Footprint))); // the document reads back as published
        Assert.Equal("""{"format":"pcf-result/1","total":1.5}""", read.ResultJson);
        Assert.Equal("sha256:" + new string('a', 64), read.SystemHash);
        Assert.Equal([new ContentHash("grid.json", "sha256:" + new string('b', 64))], read.FactorSetHashes.ToArray());
        Assert.Equal(["buyer"], read.SharedWith.ToArray());
        Assert.Equal("urn:pact:product:a", read.ProductKey);
    }

    [SkippableFact]
    public async Task Publish_NewCalculation_SupersedesNeverOverwrites()
    {
        var store = await StoreAsync();
        var first = await store.PublishAsync(Publication(Footprints.Make(fossil: 1.5m), "buyer"));

        var second = await store.PublishAsync(Publication(Footprints.Make(fossil: 1.2m)));

        var history = await store.HistoryAsync("URN:PACT:PRODUCT:A");
        Assert.Equal([first.Id, second.Id], history.Select(h => h.Id).ToArray());
        Assert.Equal(PfStatus.Deprecated, history[0].Status);
        Assert.Equal(PfStatus.Deprecated, history[0].Footprint.Status); // the document served says so too
        Assert.Equal(1.5m, history[0].Footprint.Pcf.FossilGhgEmissions); // nothing else changed
        Assert.Equal(second.Id, history[0].SupersededBy);
        Assert.Equal(PfStatus.Active, history[1].Status);
        Assert.Equal([first.Id], history[1].Footprint.PrecedingPfIds!.Value.ToArray());
        Assert.Equal(["buyer"], history[1].SharedWith.ToArray()); // access carries over
    }

    [SkippableFact]
    public async Task Publish_StoredId_IsRefused()
    {
        var store = await StoreAsync();
        var footprint = Footprints.Make(product: "urn:pact:product:one");
        await store.PublishAsync(Publication(footprint));

        await Assert.ThrowsAsync<ArgumentException>(() => store.PublishAsync(Publication(footprint with { ProductIds = ["urn:pact:product:two"] })));
    }

    [SkippableFact]
    public async Task Publish_FailingMidway_LeavesTheStoreAsItWas()
    {
        var store = await StoreAsync();
        var first = await store.PublishAsync(Publication(Footprints.Make(), "buyer"));
        store.Fault = point => point == "inserted" ? throw new IOException("killed midway") : Task.CompletedTask;

        await Assert.ThrowsAsync<IOException>(() => store.PublishAsync(Publication(Footprints.Make(fossil: 9m))));
        store.Fault = null;

        var history = await store.HistoryAsync("urn:pact:product:a");
        var only = Assert.Single(history);
        Assert.Equal((first.Id, PfStatus.Active, null), (only.Id, only.Status, only.SupersededBy));
        Assert.Equal(first.Document, only.Document);
        var page = await store.ListAsync(new FootprintQuery("buyer", new PactRequestCriteria(), 10));
        Assert.Equal([first.Id], page.Items.Select(i => i.Id).ToArray());
    }

    [SkippableFact]
    public async Task List_FiltersOrWithinAndAcross_CaseInsensitive()
    {
        var store = await StoreAsync();
        var a = await store.PublishAsync(Publication(Footprints.Make(product: "urn:pact:product:a", company: "urn:pact:company:x", country: "DE"), "*"));
        var b = await store.PublishAsync(Publication(Footprints.Make(product: "urn:pact:product:b", company: "urn:pact:company:x", country: "FR"), "*"));
        var c = await store.PublishAsync(Publication(Footprints.Make(product: "urn:pact:product:c", company: "urn:pact:company:y", country: "DE", classification: null), "*"));

        async Task<Guid[]> Ids(PactRequestCriteria criteria) => [.. (await store.ListAsync(new FootprintQuery("anyone", criteria, 100))).Items.Select(i => i.Id)];

        Assert.Equal([a.Id, b.Id], await Ids(new() { ProductIds = ["URN:PACT:PRODUCT:A", "urn:pact:product:b"] }));
        Assert.Equal([a.Id], await Ids(new() { CompanyIds = ["urn:pact:company:x"], Geographies = ["de"] }));
        Assert.Equal([a.Id, b.Id], await Ids(new() { Classifications = ["urn:pact:productclassification:un-cpc:42999"] }));
        Assert.Equal([c.Id], await Ids(new() { Geographies = ["DE", "XX"], CompanyIds = ["urn:pact:company:y"] }));
        Assert.Empty(await Ids(new() { Status = "Bogus" }));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new() { Status = "ACTIVE" }));
        Assert.Empty(await Ids(new() { Status = "Deprecated" }));
    }

    [SkippableFact]
    public async Task List_ValidityFilters_FallBackToReferencePeriodEndPlusThreeYears()
    {
        var store = await StoreAsync();
        var end = Footprints.ReferenceEnd; // 2024-01-01: valid 2024-01-01 to 2027-01-01 without a stated period
        var fallback = await store.PublishAsync(Publication(Footprints.Make(product: "urn:p:1"), "*"));
        var stated = await store.PublishAsync(Publication(Footprints.Make(product: "urn:p:2", validFrom: end.AddMonths(6), validTo: end.AddYears(1)), "*"));

        async Task<Guid[]> Ids(PactRequestCriteria criteria) => [.. (await store.ListAsync(new FootprintQuery(null, criteria, 100))).Items.Select(i => i.Id)];

        Assert.Equal([fallback.Id], await Ids(new() { ValidOn = end }));
        Assert.Equal([fallback.Id, stated.Id], await Ids(new() { ValidOn = end.AddMonths(7) }));
        Assert.Equal([fallback.Id], await Ids(new() { ValidOn = end.AddYears(3) })); // the end is inclusive
        Assert.Empty(await Ids(new() { ValidOn = end.AddYears(3).AddSeconds(1) }));
        Assert.Equal([stated.Id], await Ids(new() { ValidAfter = end }));
        Assert.Equal([stated.Id], await Ids(new() { ValidBefore = end.AddYears(2) }));
        Assert.Empty(await Ids(new() { ValidOn = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
    }

    [SkippableFact]
    public async Task List_Pages_CoverEveryFootprintOnce()
    {
        var store = await StoreAsync();
        var ids = new List<Guid>();
        for (int i = 0; i < 7; i++)
        {
            ids.Add((await store.PublishAsync(Publication(Footprints.Make(product: $"urn:p:{i}"), "buyer"))).Id);
        }

        var seen = new List<Guid>();
        long after = 0;
        int pages = 0;
        while (true)
        {
            var page = await store.ListAsync(new FootprintQuery("buyer", new PactRequestCriteria(), 3, after));
            pages++;
            seen.AddRange(page.Items.Select(i => i.Id));
            Assert.True(page.Items.Length <= 3);
            if (!page.HasMore)
            {
                break;
            }

            after = page.Items[^1].Sequence;
        }

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages); // 3 + 3 + 1
    }

    [SkippableFact]
    public async Task List_SeesOnlyWhatIsSharedWithTheClient()
    {
        var store = await StoreAsync();
        var mine = await store.PublishAsync(Publication(Footprints.Make(product: "urn:p:mine"), "alice"));
        var theirs = await store.PublishAsync(Publication(Footprints.Make(product: "urn:p:theirs"), "bob"));
        var everyone = await store.PublishAsync(Publication(Footprints.Make(product: "urn:p:all"), "*"));

        var alice = await store.ListAsync(new FootprintQuery("alice", new PactRequestCriteria(), 100));
        var bob = await store.ListAsync(new FootprintQuery("bob", new PactRequestCriteria { ProductIds = ["urn:p:mine"] }, 100));

        Assert.Equal([mine.Id, everyone.Id], alice.Items.Select(i => i.Id).ToArray());
        Assert.Empty(bob.Items);
        Assert.True(await store.ShareAsync(theirs.Id, "alice"));
        Assert.Contains(theirs.Id, (await store.ListAsync(new FootprintQuery("alice", new PactRequestCriteria(), 100))).Items.Select(i => i.Id));
    }

    [SkippableFact]
    public async Task Staleness_ChangedFactorSetOrSystem_IsReported()
    {
        var store = await StoreAsync();
        string h1 = "sha256:" + new string('1', 64), h2 = "sha256:" + new string('2', 64);
        var a = await store.PublishAsync(new FootprintPublication { Footprint = Footprints.Make(product: "urn:p:a"), SystemHash = h1, FactorSetHashes = [new("grid.json", h1)] });
        Assert.Empty(await store.StalenessAsync(a));

        // Product b is calculated with a newer grid.json: a's result rests on the old one.
        await store.PublishAsync(new FootprintPublication { Footprint = Footprints.Make(product: "urn:p:b"), SystemHash = h1, FactorSetHashes = [new("grid.json", h2)] });
        Assert.Equal([new StaleInput("grid.json", h1, h2)], (await store.StalenessAsync(a)).ToArray());

        await store.RecordCurrentHashesAsync([new ContentHash("system:urn:p:a", h2)]);
        Assert.Equal(2, (await store.StalenessAsync(a)).Length);
    }

    [SkippableFact]
    public async Task Clients_SecretIsStoredHashed_AndRemovalRevokesAccess()
    {
        var store = await StoreAsync();
        string secret = ClientSecrets.Generate();
        await store.SaveClientAsync(new PactClient { ClientId = "alice", Name = "Alice", SecretHash = ClientSecrets.Hash(secret), EventsBaseUrl = new Uri("https://alice.example") });
        var fp = await store.PublishAsync(Publication(Footprints.Make(), "alice"));

        var found = await store.FindClientAsync("alice");
        Assert.NotNull(found);
        Assert.DoesNotContain(secret, found.SecretHash, StringComparison.Ordinal);
        Assert.True(ClientSecrets.Verify(secret, found.SecretHash));
        Assert.False(ClientSecrets.Verify(secret + "x", found.SecretHash));
        Assert.Equal(new Uri("https://alice.example"), found.EventsBaseUrl);

        Assert.True(await store.RemoveClientAsync("alice"));
        Assert.Null(await store.FindClientAsync("alice"));
        Assert.Empty((await store.GetAsync(fp.Id))!.SharedWith);
    }

    [SkippableFact]
    public async Task Publish_SharedWithAClientThatTakesEvents_QueuesAPublishedEvent()
    {
        var store = await StoreAsync();
        await store.SaveClientAsync(new PactClient { ClientId = "alice", Name = "A", SecretHash = ClientSecrets.Hash("s"), EventsBaseUrl = new Uri("https://alice.example/pact") });
        await store.SaveClientAsync(new PactClient { ClientId = "bob", Name = "B", SecretHash = ClientSecrets.Hash("s"), EventsBaseUrl = new Uri("https://bob.example") });

        var fp = await store.PublishAsync(Publication(Footprints.Make(), "alice"));

        var e = Assert.Single(await store.OutgoingEventsAsync());
        Assert.Equal(("alice", new Uri("https://alice.example/pact/3/events")), (e.ClientId, e.Target));
        var read = PactEventJson.Read(System.Text.Encoding.UTF8.GetBytes(e.Payload.Replace("\"source\":\"\"", "\"source\":\"https://host\"", StringComparison.Ordinal)));
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal([fp.Id], read.Value.PublishedIds.ToArray());
    }

    [SkippableFact]
    public async Task Outbox_ClaimLeasesRetriesAndCompletes()
    {
        var store = await StoreAsync();
        var now = Clock.GetUtcNow();
        await store.EnqueueEventAsync(new OutgoingEvent { EventId = "e1", ClientId = "c", Target = new Uri("https://r.example/3/events"), Payload = "{}", CreatedAt = now, NextAttemptAt = now });

        var first = Assert.Single(await store.ClaimDueEventsAsync(now, TimeSpan.FromMinutes(1), 10));
        Assert.Empty(await store.ClaimDueEventsAsync(now, TimeSpan.FromMinutes(1), 10)); // leased
        await store.CompleteEventAsync(first.Sequence, OutgoingEventState.Pending, now.AddSeconds(2), "HTTP 503");
        Assert.Empty(await store.ClaimDueEventsAsync(now.AddSeconds(1), TimeSpan.FromMinutes(1), 10)); // not due yet
        var again = Assert.Single(await store.ClaimDueEventsAsync(now.AddSeconds(2), TimeSpan.FromMinutes(1), 10));
        Assert.Equal((1, "HTTP 503"), (again.Attempts, again.LastError));
        await store.CompleteEventAsync(again.Sequence, OutgoingEventState.Delivered, null, null);
        Assert.Empty(await store.ClaimDueEventsAsync(now.AddHours(1), TimeSpan.FromMinutes(1), 10));
        Assert.Equal(OutgoingEventState.Delivered, Assert.Single(await store.OutgoingEventsAsync()).State);
    }

    [SkippableFact]
    public async Task SigningKey_IsMadeOnceAndShared()
    {
        var store = await StoreAsync();

        var key = await store.SigningKeyAsync();

        Assert.Equal(32, key.Length);
        Assert.Equal(key, await store.SigningKeyAsync());
    }

    [SkippableFact]
    public async Task Publish_Concurrently_KeepsOneActiveVersionPerProduct()
    {
        var store = await StoreAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.PublishAsync(Publication(Footprints.Make(fossil: i + 1))))));

        var history = await store.HistoryAsync("urn:pact:product:a");
        Assert.Equal(8, history.Length);
        Assert.Single(history, h => h.Status == PfStatus.Active);
        Assert.Equal(history[^1].Id, history.Single(h => h.Status == PfStatus.Active).Id);
        for (int i = 1; i < history.Length; i++)
        {
            Assert.Contains(history[i - 1].Id, history[i].Footprint.PrecedingPfIds!.Value); // each supersedes the one before
        }
    }
}

public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pcf-store-").FullName;

    internal override Task<SqlFootprintStore> CreateAsync() => Task.FromResult<SqlFootprintStore>(new SqliteFootprintStore(Path.Combine(_folder, "footprints.db"), Clock));

    protected override Task CleanupAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The same tests on a real PostgreSQL server: <c>eng/ci/postgres.sh</c> starts one and sets <c>PCF_TEST_POSTGRES</c>
/// (CI does); each test gets a database of its own.</summary>
public sealed class PostgresStoreTests : StoreContractTests
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("PCF_TEST_POSTGRES");
    private string? _database;

    internal override async Task<SqlFootprintStore> CreateAsync()
    {
        Skip.If(string.IsNullOrEmpty(Server), "No PostgreSQL server: set PCF_TEST_POSTGRES (eng/ci/postgres.sh -- dotnet test ... does).");
        _database = "pcf_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(Server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresFootprintStore(new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString, Clock);
    }

    protected override async Task CleanupAsync()
    {
        if (_database is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
