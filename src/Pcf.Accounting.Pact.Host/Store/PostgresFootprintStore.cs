using System.Data.Common;
using Npgsql;

namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>The shared store: PostgreSQL, for several hosts behind a load balancer.</summary>
/// <remarks>Publications of one product are serialized by a transaction-scoped advisory lock on its key, migrations by one on
/// <c>schema</c>; events are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so each is sent by one host at a time.</remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class PostgresFootprintStore : SqlFootprintStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance of the <see cref="PostgresFootprintStore"/> class.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>).</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public PostgresFootprintStore(string connectionString, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc/>
    protected override string IdentityColumn => "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    /// <inheritdoc/>
    protected override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    protected override async Task LockAsync(DbTransaction transaction, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var cmd = transaction.Connection!.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT pg_advisory_xact_lock(hashtextextended(@k, 0))";
        var p = cmd.CreateParameter();
        p.ParameterName = "k";
        p.Value = key;
        cmd.Parameters.Add(p);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
