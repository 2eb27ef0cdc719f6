using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pcf.Accounting.Pact.Events;

namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>The store over ADO.NET, one SQL text for SQLite and PostgreSQL (both take <c>@name</c> parameters, <c>RETURNING</c>
/// and <c>ON CONFLICT</c>); the dialects differ in the identity column, how a write transaction starts and how a product is locked.</summary>
/// <threadsafety>Thread-safe: every call opens its own (pooled) connection.</threadsafety>
public abstract class SqlFootprintStore : IFootprintStore
{
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="SqlFootprintStore"/> class.</summary>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    protected SqlFootprintStore(TimeProvider? timeProvider) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>Gets or sets a test seam called at named points of a publication inside its transaction ("deprecated", "inserted").</summary>
    internal Func<string, Task>? Fault { get; set; }

    /// <summary>Gets the column definition of an auto-increment 64-bit primary key.</summary>
    protected abstract string IdentityColumn { get; }

    /// <summary>Gets the clause that makes a claiming SELECT skip rows other transactions hold (empty where writes are serialized).</summary>
    protected virtual string SkipLocked => string.Empty;

    /// <summary>Opens a connection.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The open connection.</returns>
    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a write transaction that others wait for where they would conflict.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The transaction.</returns>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serializes writers of one product (or, for <c>schema</c>, migrations) for the rest of the transaction.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="key">What to lock.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    protected virtual Task LockAsync(DbTransaction transaction, string key, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <inheritdoc/>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await LockAsync(create, "schema", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, create, "CREATE TABLE IF NOT EXISTS pact_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);
            await create.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        int before = -1;
        for (int version = 1; version <= FootprintStoreSchema.Version; version++)
        {
            await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await LockAsync(tx, "schema", cancellationToken).ConfigureAwait(false);
            int current = Convert.ToInt32(await ScalarAsync(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM pact_schema", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (before < 0)
            {
                before = current;
            }

            if (current >= version)
            {
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var (description, statements) = FootprintStoreSchema.Migrations[version - 1];
            foreach (string sql in statements)
            {
                await ExecuteAsync(connection, tx, sql.Replace("{id}", IdentityColumn, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, tx, "INSERT INTO pact_schema (version, description, applied_at) VALUES (@v, @d, @t)", cancellationToken,
                ("v", version), ("d", description), ("t", Now)).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return Math.Max(before, 0);
    }

    /// <inheritdoc/>
    public async Task<StoredFootprint> PublishAsync(FootprintPublication publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var report = PactJson.Validate(PactJson.Write(publication.Footprint));
        if (!report.IsValid)
        {
            throw new ArgumentException("The footprint is not valid PACT 3.0: " + string.Join("; ", report.Errors), nameof(publication));
        }

        string key = publication.EffectiveProductKey;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await LockAsync(tx, "product:" + key, cancellationToken).ConfigureAwait(false);

        // The current versions of the product (normally one).
        var current = new List<(long Seq, string Document)>();
        await using (var cmd = Command(connection, tx, "SELECT seq, document FROM footprints WHERE product_key = @k AND status = 'Active' ORDER BY seq", ("k", key)))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                current.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var footprint = publication.Footprint with { Status = PfStatus.Active };
        if (current.Count > 0)
        {
            var latest = Read(current[^1].Document);
            footprint = PactLifecycle.Supersede(latest, footprint).Current;
            foreach (var (seq, document) in current)
            {
                var deprecated = Read(document) with { Status = PfStatus.Deprecated };
                var preceding = deprecated.Id;
                footprint = footprint with { PrecedingPfIds = [.. (footprint.PrecedingPfIds ?? []).Append(preceding).Distinct()] };
                await ExecuteAsync(connection, tx, "UPDATE footprints SET status = 'Deprecated', superseded_by = @by, document = @doc WHERE seq = @seq", cancellationToken,
                    ("by", footprint.Id.ToString("D")), ("doc", Compact(deprecated)), ("seq", seq)).ConfigureAwait(false);
            }
        }

        if (await ScalarAsync(connection, tx, "SELECT COUNT(*) FROM footprints WHERE id = @id", cancellationToken, ("id", footprint.Id.ToString("D"))).ConfigureAwait(false) is { } n
            && Convert.ToInt64(n, CultureInfo.InvariantCulture) > 0)
        {
            throw new ArgumentException($"A footprint with id {footprint.Id} is already stored; a new version needs a new id.", nameof(publication));
        }

        await InvokeFault("deprecated").ConfigureAwait(false);
        long now = Now;
        string text = Compact(footprint);
        long newSeq = Convert.ToInt64(await ScalarAsync(connection, tx, """
            INSERT INTO footprints (id, product_key, status, created, stored_at, valid_from, valid_to, document, result, system_hash, factor_hashes, superseded_by)
            VALUES (@id, @k, 'Active', @created, @now, @from, @to, @doc, @result, @sys, @factors, NULL) RETURNING seq
            """, cancellationToken,
            ("id", footprint.Id.ToString("D")), ("k", key), ("created", footprint.Created.ToUnixTimeMilliseconds()), ("now", now),
            ("from", PactRequestCriteria.ValidityStart(footprint).ToUnixTimeMilliseconds()), ("to", PactRequestCriteria.ValidityEnd(footprint).ToUnixTimeMilliseconds()),
            ("doc", text), ("result", publication.ResultJson), ("sys", publication.SystemHash),
            ("factors", string.Join('\n', publication.FactorSetHashes.Select(h => h.ToString())))).ConfigureAwait(false), CultureInfo.InvariantCulture);

        var keys = new HashSet<(string, string)>();
        foreach (string p in footprint.ProductIds)
        {
            keys.Add(("p", p.ToLowerInvariant()));
        }

        foreach (string c in footprint.CompanyIds)
        {
            keys.Add(("c", c.ToLowerInvariant()));
        }

        foreach (string k in footprint.ProductClassifications ?? [])
        {
            keys.Add(("k", k.ToLowerInvariant()));
        }

        foreach (string? g in (string?[])[footprint.Pcf.GeographyCountry, footprint.Pcf.GeographyCountrySubdivision, footprint.Pcf.GeographyRegionOrSubregion])
        {
            if (g is not null)
            {
                keys.Add(("g", g.ToLowerInvariant()));
            }
        }

        foreach (var (kind, value) in keys)
        {
            await ExecuteAsync(connection, tx, "INSERT INTO footprint_keys (footprint_seq, kind, value) VALUES (@s, @kind, @v)", cancellationToken,
                ("s", newSeq), ("kind", kind), ("v", value)).ConfigureAwait(false);
        }

        // Access: the new version is shared with whoever saw the previous ones, and with the publication's clients.
        var access = new SortedSet<string>(publication.ShareWith.IsDefault ? [] : publication.ShareWith, StringComparer.Ordinal);
        foreach (var (seq, _) in current)
        {
            await using var cmd = Command(connection, tx, "SELECT client_id FROM footprint_access WHERE footprint_seq = @s", ("s", seq));
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                access.Add(reader.GetString(0));
            }
        }

        foreach (string client in access)
        {
            await ExecuteAsync(connection, tx, "INSERT INTO footprint_access (footprint_seq, client_id) VALUES (@s, @c)", cancellationToken, ("s", newSeq), ("c", client)).ConfigureAwait(false);
        }

        await InvokeFault("inserted").ConfigureAwait(false);
        var hashes = publication.FactorSetHashes.IsDefault ? new List<ContentHash>() : [.. publication.FactorSetHashes];
        if (publication.SystemHash is { } systemHash)
        {
            hashes.Add(new ContentHash("system:" + key, systemHash));
        }

        await RecordHashesAsync(connection, tx, hashes, cancellationToken).ConfigureAwait(false);

        // Published events to the hosts of the clients who see it and take events ("source" is set when sent).
        var recipients = new List<(string ClientId, string Url)>();
        await using (var cmd = Command(connection, tx, "SELECT client_id, events_url FROM clients WHERE events_url IS NOT NULL AND disabled = 0"))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string id = reader.GetString(0);
                if (access.Contains("*") || access.Contains(id))
                {
                    recipients.Add((id, reader.GetString(1)));
                }
            }
        }

        foreach (var (clientId, url) in recipients)
        {
            string eventId = Guid.NewGuid().ToString("D");
            var published = new PactEvent
            {
                Type = PactEventType.Published, SpecVersion = PactSpecVersion.Version30, Id = eventId, Source = "",
                Time = Time(now), PublishedIds = [footprint.Id],
            };
            await InsertEventAsync(connection, tx, new OutgoingEvent
            {
                EventId = eventId, ClientId = clientId, Target = EventsEndpoint(new Uri(url)), Payload = Encoding.UTF8.GetString(PactEventJson.Write(published)),
                CreatedAt = Time(now), NextAttemptAt = Time(now),
            }, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (await GetAsync(footprint.Id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The events endpoint under a host's base URL (the URL itself when it already ends in <c>/3/events</c>).</summary>
    /// <param name="baseUrl">The base URL.</param>
    /// <returns>The endpoint.</returns>
    internal static Uri EventsEndpoint(Uri baseUrl) =>
        baseUrl.AbsolutePath.TrimEnd('/').EndsWith("/3/events", StringComparison.Ordinal) ? baseUrl : new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/3/events");

    private async Task InvokeFault(string point)
    {
        if (Fault is { } fault)
        {
            await fault(point).ConfigureAwait(false);
        }
    }

    private static V3.ProductFootprint Read(string document) => PactJson.ReadV3(Encoding.UTF8.GetBytes(document)).ThrowIfInvalid();

    /// <summary>The footprint as compact JSON text.</summary>
    internal static string Compact(V3.ProductFootprint footprint)
    {
        using var parsed = JsonDocument.Parse(PactJson.Write(footprint));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            parsed.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private const string Columns = "seq, id, product_key, status, stored_at, document, result, system_hash, factor_hashes, superseded_by";

    private static StoredFootprint Row(DbDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        Id = Guid.Parse(r.GetString(1)),
        ProductKey = r.GetString(2),
        Status = r.GetString(3) == "Deprecated" ? PfStatus.Deprecated : PfStatus.Active,
        StoredAt = Time(r.GetInt64(4)),
        Document = r.GetString(5),
        ResultJson = r.IsDBNull(6) ? null : r.GetString(6),
        SystemHash = r.IsDBNull(7) ? null : r.GetString(7),
        FactorSetHashes = [.. r.GetString(8).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ContentHash.Parse)],
        SupersededBy = r.IsDBNull(9) ? null : Guid.Parse(r.GetString(9)),
    };

    /// <inheritdoc/>
    public async Task<StoredFootprint?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        StoredFootprint? found = null;
        await using (var cmd = Command(connection, null, $"SELECT {Columns} FROM footprints WHERE id = @id", ("id", id.ToString("D"))))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found = Row(reader);
            }
        }

        return found is null ? null : found with { SharedWith = await AccessAsync(connection, found.Sequence, cancellationToken).ConfigureAwait(false) };
    }

    private static async Task<ImmutableArray<string>> AccessAsync(DbConnection connection, long seq, CancellationToken cancellationToken)
    {
        var clients = ImmutableArray.CreateBuilder<string>();
        await using var cmd = Command(connection, null, "SELECT client_id FROM footprint_access WHERE footprint_seq = @s ORDER BY client_id", ("s", seq));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            clients.Add(reader.GetString(0));
        }

        return clients.ToImmutable();
    }

    /// <inheritdoc/>
    public async Task<FootprintPage> ListAsync(FootprintQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var c = query.Criteria;
        var sql = new StringBuilder($"SELECT {Columns} FROM footprints f WHERE f.seq > @after");
        var parameters = new List<(string, object?)> { ("after", query.After), ("limit", query.Limit + 1) };
        if (query.ClientId is { } client)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM footprint_access a WHERE a.footprint_seq = f.seq AND (a.client_id = @client OR a.client_id = '*'))");
            parameters.Add(("client", client));
        }

        void AnyOf(string kind, ImmutableArray<string> values)
        {
            if (values.IsDefaultOrEmpty)
            {
                return;
            }

            var names = values.Select((v, i) => { string n = $"{kind}{i}"; parameters.Add((n, v.ToLowerInvariant())); return "@" + n; });
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM footprint_keys k WHERE k.footprint_seq = f.seq AND k.kind = '{kind}' AND k.value IN ({string.Join(", ", names)}))");
        }

        AnyOf("p", c.ProductIds);
        AnyOf("c", c.CompanyIds);
        AnyOf("g", c.Geographies);
        AnyOf("k", c.Classifications);
        if (c.ValidOn is { } on)
        {
            sql.Append(" AND f.valid_from <= @on AND f.valid_to >= @on");
            parameters.Add(("on", on.ToUnixTimeMilliseconds()));
        }

        if (c.ValidAfter is { } validAfter)
        {
            sql.Append(" AND f.valid_from > @validAfter");
            parameters.Add(("validAfter", validAfter.ToUnixTimeMilliseconds()));
        }

        if (c.ValidBefore is { } validBefore)
        {
            sql.Append(" AND f.valid_to < @validBefore");
            parameters.Add(("validBefore", validBefore.ToUnixTimeMilliseconds()));
        }

        if (c.Status is { } status)
        {
            string? normalized = status.Equals("Active", StringComparison.OrdinalIgnoreCase) ? "Active"
                : status.Equals("Deprecated", StringComparison.OrdinalIgnoreCase) ? "Deprecated" : null;
            if (normalized is null)
            {
                return new FootprintPage([], false); // no footprint has another status
            }

            sql.Append(" AND f.status = @status");
            parameters.Add(("status", normalized));
        }

        sql.Append(" ORDER BY f.seq LIMIT @limit");
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, sql.ToString(), [.. parameters]);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = ImmutableArray.CreateBuilder<StoredFootprint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Row(reader));
        }

        bool more = items.Count > query.Limit;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new FootprintPage(items.ToImmutable(), more);
    }

    /// <inheritdoc/>
    public async Task<ImmutableArray<StoredFootprint>> HistoryAsync(string productKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productKey);
        string key = productKey.ToLowerInvariant();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<StoredFootprint>();
        await using (var cmd = Command(connection, null, $"""
            SELECT {Columns} FROM footprints f WHERE f.product_key = @k
              OR f.product_key IN (SELECT g.product_key FROM footprints g JOIN footprint_keys k ON k.footprint_seq = g.seq WHERE k.kind = 'p' AND k.value = @k)
            ORDER BY f.seq
            """, ("k", key)))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(Row(reader));
            }
        }

        var result = ImmutableArray.CreateBuilder<StoredFootprint>(items.Count);
        foreach (var item in items)
        {
            result.Add(item with { SharedWith = await AccessAsync(connection, item.Sequence, cancellationToken).ConfigureAwait(false) });
        }

        return result.ToImmutable();
    }

    /// <inheritdoc/>
    public async Task<bool> ShareAsync(Guid id, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        object? seq = await ScalarAsync(connection, tx, "SELECT seq FROM footprints WHERE id = @id", cancellationToken, ("id", id.ToString("D"))).ConfigureAwait(false);
        if (seq is null or DBNull)
        {
            return false;
        }

        await ExecuteAsync(connection, tx, "INSERT INTO footprint_access (footprint_seq, client_id) VALUES (@s, @c) ON CONFLICT DO NOTHING", cancellationToken,
            ("s", Convert.ToInt64(seq, CultureInfo.InvariantCulture)), ("c", clientId)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async Task<ImmutableArray<StaleInput>> StalenessAsync(StoredFootprint footprint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        var stored = footprint.FactorSetHashes.ToList();
        if (footprint.SystemHash is { } system)
        {
            stored.Insert(0, new ContentHash("system:" + footprint.ProductKey, system));
        }

        var stale = ImmutableArray.CreateBuilder<StaleInput>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var hash in stored)
        {
            if (await ScalarAsync(connection, null, "SELECT hash FROM current_hashes WHERE name = @n", cancellationToken, ("n", hash.Name)).ConfigureAwait(false) is string current
                && current != hash.Hash)
            {
                stale.Add(new StaleInput(hash.Name, hash.Hash, current));
            }
        }

        return stale.ToImmutable();
    }

    /// <inheritdoc/>
    public async Task RecordCurrentHashesAsync(IEnumerable<ContentHash> hashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await RecordHashesAsync(connection, tx, hashes, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordHashesAsync(DbConnection connection, DbTransaction tx, IEnumerable<ContentHash> hashes, CancellationToken cancellationToken)
    {
        foreach (var hash in hashes)
        {
            await ExecuteAsync(connection, tx, "INSERT INTO current_hashes (name, hash, updated_at) VALUES (@n, @h, @t) ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at",
                cancellationToken, ("n", hash.Name), ("h", hash.Hash), ("t", Now)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task SaveClientAsync(PactClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, """
            INSERT INTO clients (client_id, name, secret_hash, disabled, events_url, events_client_id, events_client_secret, created)
            VALUES (@id, @name, @hash, @disabled, @url, @eid, @esecret, @t)
            ON CONFLICT (client_id) DO UPDATE SET name = excluded.name, secret_hash = excluded.secret_hash, disabled = excluded.disabled,
              events_url = excluded.events_url, events_client_id = excluded.events_client_id, events_client_secret = excluded.events_client_secret
            """, cancellationToken, ("id", client.ClientId), ("name", client.Name), ("hash", client.SecretHash), ("disabled", client.Disabled ? 1 : 0),
            ("url", client.EventsBaseUrl?.AbsoluteUri), ("eid", client.EventsClientId), ("esecret", client.EventsClientSecret), ("t", Now)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string ClientColumns = "client_id, name, secret_hash, disabled, events_url, events_client_id, events_client_secret";

    private static PactClient ClientRow(DbDataReader r) => new()
    {
        ClientId = r.GetString(0),
        Name = r.GetString(1),
        SecretHash = r.GetString(2),
        Disabled = Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture) != 0,
        EventsBaseUrl = r.IsDBNull(4) ? null : new Uri(r.GetString(4)),
        EventsClientId = r.IsDBNull(5) ? null : r.GetString(5),
        EventsClientSecret = r.IsDBNull(6) ? null : r.GetString(6),
    };

    /// <inheritdoc/>
    public async Task<PactClient?> FindClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {ClientColumns} FROM clients WHERE client_id = @id", ("id", clientId));
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ClientRow(reader) : null;
    }

    /// <inheritdoc/>
    public async Task<ImmutableArray<PactClient>> ClientsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {ClientColumns} FROM clients ORDER BY client_id");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var clients = ImmutableArray.CreateBuilder<PactClient>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            clients.Add(ClientRow(reader));
        }

        return clients.ToImmutable();
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        int removed = await ExecuteAsync(connection, tx, "DELETE FROM clients WHERE client_id = @id", cancellationToken, ("id", clientId)).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "DELETE FROM footprint_access WHERE client_id = @id", cancellationToken, ("id", clientId)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    /// <inheritdoc/>
    public async Task<byte[]> SigningKeyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await ScalarAsync(connection, null, "SELECT value FROM host_keys WHERE name = 'signing'", cancellationToken).ConfigureAwait(false) is string existing)
        {
            return Convert.FromBase64String(existing);
        }

        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "INSERT INTO host_keys (name, value) VALUES ('signing', @v) ON CONFLICT DO NOTHING", cancellationToken,
            ("v", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))).ConfigureAwait(false);
        string value = (string)(await ScalarAsync(connection, tx, "SELECT value FROM host_keys WHERE name = 'signing'", cancellationToken).ConfigureAwait(false))!;
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String(value);
    }

    /// <inheritdoc/>
    public async Task EnqueueEventAsync(OutgoingEvent outgoing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await InsertEventAsync(connection, tx, outgoing, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> InsertEventAsync(DbConnection connection, DbTransaction tx, OutgoingEvent e, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, tx, """
            INSERT INTO event_outbox (event_id, client_id, target, payload, attempts, created_at, next_attempt_at, lease_until, state, last_error)
            VALUES (@id, @client, @target, @payload, 0, @created, @next, 0, 0, NULL)
            """, cancellationToken, ("id", e.EventId), ("client", e.ClientId), ("target", e.Target.AbsoluteUri), ("payload", e.Payload),
            ("created", e.CreatedAt.ToUnixTimeMilliseconds()), ("next", e.NextAttemptAt.ToUnixTimeMilliseconds()));

    private const string EventColumns = "seq, event_id, client_id, target, payload, attempts, created_at, next_attempt_at, state, last_error";

    private static OutgoingEvent EventRow(DbDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        EventId = r.GetString(1),
        ClientId = r.GetString(2),
        Target = new Uri(r.GetString(3)),
        Payload = r.GetString(4),
        Attempts = Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture),
        CreatedAt = Time(r.GetInt64(6)),
        NextAttemptAt = Time(r.GetInt64(7)),
        State = (OutgoingEventState)Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture),
        LastError = r.IsDBNull(9) ? null : r.GetString(9),
    };

    /// <inheritdoc/>
    public async Task<ImmutableArray<OutgoingEvent>> ClaimDueEventsAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var claimed = ImmutableArray.CreateBuilder<OutgoingEvent>();
        await using (var cmd = Command(connection, tx, $"""
            UPDATE event_outbox SET lease_until = @until WHERE seq IN (
              SELECT seq FROM event_outbox WHERE state = 0 AND next_attempt_at <= @now AND lease_until <= @now ORDER BY seq LIMIT @max{SkipLocked})
            RETURNING {EventColumns}
            """, ("until", (now + lease).ToUnixTimeMilliseconds()), ("now", now.ToUnixTimeMilliseconds()), ("max", max)))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(EventRow(reader));
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [.. claimed.OrderBy(e => e.Sequence)];
    }

    /// <inheritdoc/>
    public async Task CompleteEventAsync(long sequence, OutgoingEventState state, DateTimeOffset? nextAttempt, string? error, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        string next = nextAttempt is null ? string.Empty : ", next_attempt_at = @next";
        await ExecuteAsync(connection, tx, $"UPDATE event_outbox SET state = @state, attempts = attempts + 1, lease_until = 0, last_error = @error{next} WHERE seq = @seq",
            cancellationToken, ("state", (int)state), ("next", nextAttempt?.ToUnixTimeMilliseconds() ?? 0), ("error", error), ("seq", sequence)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<ImmutableArray<OutgoingEvent>> OutgoingEventsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {EventColumns} FROM event_outbox ORDER BY seq DESC");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = ImmutableArray.CreateBuilder<OutgoingEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(EventRow(reader));
        }

        return events.ToImmutable();
    }

    /// <inheritdoc/>
    public async Task RecordReceivedEventAsync(string clientId, string type, string eventId, string source, string payload, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, "INSERT INTO event_inbox (client_id, type, event_id, source, received_at, payload) VALUES (@c, @t, @e, @s, @now, @p)", cancellationToken,
            ("c", clientId), ("t", type), ("e", eventId), ("s", source), ("now", Now), ("p", payload)).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is the store's own; values are always parameters.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            if (value is null)
            {
                p.DbType = System.Data.DbType.String;
            }

            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(connection, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(connection, tx, sql, parameters);
        object? value = await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
