namespace Pcf.Accounting.Pact.Host.Store;

/// <summary>Opens a store from a connection string: <c>sqlite:PATH</c> (the default when no scheme is given),
/// <c>postgres:NPGSQL-CONNECTION-STRING</c>, or a <c>postgresql://user:password@host:port/database</c> URL.</summary>
/// <example><code>
/// await using IFootprintStore store = FootprintStores.Open("sqlite:footprints.db");
/// await store.MigrateAsync();
/// </code></example>
public static class FootprintStores
{
    /// <summary>Opens a store (without migrating it).</summary>
    /// <param name="connection">The connection string.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or names an unknown kind of store.</exception>
    public static IFootprintStore Open(string connection, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        if (connection.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteFootprintStore(connection["sqlite:".Length..], timeProvider);
        }

        if (connection.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) && !connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresFootprintStore(connection["postgres:".Length..], timeProvider);
        }

        if (connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresFootprintStore(FromUrl(new Uri(connection)), timeProvider);
        }

        if (connection.Contains("://", StringComparison.Ordinal) || (connection.Contains(':', StringComparison.Ordinal) && connection.IndexOf(':', StringComparison.Ordinal) > 1))
        {
            throw new ArgumentException($"'{connection}' names no known store; use sqlite:PATH, postgres:CONNECTION-STRING or postgresql://user@host/db.", nameof(connection));
        }

        return new SqliteFootprintStore(connection, timeProvider);
    }

    private static string FromUrl(Uri url)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        string[] user = url.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        return builder.ConnectionString;
    }
}
