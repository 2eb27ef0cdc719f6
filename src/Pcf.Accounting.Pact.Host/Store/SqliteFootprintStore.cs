using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>The embedded store: one SQLite file (created on first use) beside the host, in write-ahead-log mode so readers never wait for the writer.</summary>
/// <remarks>Writes take the database's write lock at their start (<c>BEGIN IMMEDIATE</c>), so two publications of the same product never interleave;
/// a write that fails or whose process dies before it commits is rolled back by SQLite's journal.</remarks>
/// <threadsafety>Thread-safe.</threadsafety>
public sealed class SqliteFootprintStore : SqlFootprintStore
{
    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="SqliteFootprintStore"/> class.</summary>
    /// <param name="path">The database file; its folder must exist.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public SqliteFootprintStore(string path, TimeProvider? timeProvider = null)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    protected override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    /// <inheritdoc/>
    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <inheritdoc/>
    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false)); // BEGIN IMMEDIATE

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // releases the file (tests delete it; the CLI exits)
        return ValueTask.CompletedTask;
    }
}
