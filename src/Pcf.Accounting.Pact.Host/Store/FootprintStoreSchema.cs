namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>The store's versioned schema: each migration is applied once, in order, in its own transaction, and recorded in <c>pact_schema</c>.</summary>
public static class FootprintStoreSchema
{
    /// <summary>Gets the version the migrations bring a store to.</summary>
    public static int Version => Migrations.Count;

    /// <summary>The migrations, by version (1-based); <c>{id}</c> is the dialect's auto-increment primary key column.</summary>
    internal static IReadOnlyList<(string Description, string[] Statements)> Migrations { get; } =
    [
        ("footprints, access, clients, hashes, keys, events", [
            """
            CREATE TABLE footprints (
              seq {id},
              id TEXT NOT NULL UNIQUE,
              product_key TEXT NOT NULL,
              status TEXT NOT NULL,
              created BIGINT NOT NULL,
              stored_at BIGINT NOT NULL,
              valid_from BIGINT NOT NULL,
              valid_to BIGINT NOT NULL,
              document TEXT NOT NULL,
              result TEXT NULL,
              system_hash TEXT NULL,
              factor_hashes TEXT NOT NULL,
              superseded_by TEXT NULL)
            """,
            "CREATE INDEX ix_footprints_product ON footprints (product_key, seq)",
            "CREATE INDEX ix_footprints_valid ON footprints (valid_from, valid_to)",
            // kind: p = product id, c = company id, k = classification, g = geography; values lower case for case-insensitive match.
            "CREATE TABLE footprint_keys (footprint_seq BIGINT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, value, footprint_seq))",
            "CREATE INDEX ix_footprint_keys_seq ON footprint_keys (footprint_seq)",
            "CREATE TABLE footprint_access (footprint_seq BIGINT NOT NULL, client_id TEXT NOT NULL, PRIMARY KEY (client_id, footprint_seq))",
            "CREATE INDEX ix_footprint_access_seq ON footprint_access (footprint_seq)",
            """
            CREATE TABLE clients (
              client_id TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              secret_hash TEXT NOT NULL,
              disabled INTEGER NOT NULL,
              events_url TEXT NULL,
              events_client_id TEXT NULL,
              events_client_secret TEXT NULL,
              created BIGINT NOT NULL)
            """,
            "CREATE TABLE current_hashes (name TEXT PRIMARY KEY, hash TEXT NOT NULL, updated_at BIGINT NOT NULL)",
            "CREATE TABLE host_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE event_outbox (
              seq {id},
              event_id TEXT NOT NULL,
              client_id TEXT NOT NULL,
              target TEXT NOT NULL,
              payload TEXT NOT NULL,
              attempts INTEGER NOT NULL,
              created_at BIGINT NOT NULL,
              next_attempt_at BIGINT NOT NULL,
              lease_until BIGINT NOT NULL,
              state INTEGER NOT NULL,
              last_error TEXT NULL)
            """,
            "CREATE INDEX ix_event_outbox_due ON event_outbox (state, next_attempt_at)",
            """
            CREATE TABLE event_inbox (
              seq {id},
              client_id TEXT NOT NULL,
              type TEXT NOT NULL,
              event_id TEXT NOT NULL,
              source TEXT NOT NULL,
              received_at BIGINT NOT NULL,
              payload TEXT NOT NULL)
            """,
        ]),
    ];
}
