using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrleansPortal.Silo.Storage;

/// <summary>
/// What every store on these databases shares, whatever it stores (grain state, reminders, the ping history):
/// connection strings checked with one clear message, one PostgreSQL pool per connection string, and one write gate
/// per SQLite file in this process (SQLite has a single writer; stores that queued on separate gates would collide).
/// </summary>
public static class AdoNetConnections
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriteGates = new(StringComparer.Ordinal);

    /// <summary>Parses a PostgreSQL connection string; <paramref name="owner"/> starts the error message ("Storage 'x'").</summary>
    public static NpgsqlConnectionStringBuilder ParsePostgreSql(string owner, string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StorageConfigurationException($"{owner}: the PostgreSQL connection string is not valid: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new StorageConfigurationException($"{owner}: the PostgreSQL connection string names no Host.");
        return builder;
    }

    public static SqliteConnectionStringBuilder ParseSqlite(string owner, string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StorageConfigurationException($"{owner}: the SQLite connection string is not valid: {ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
            throw new StorageConfigurationException($"{owner}: the SQLite connection string names no Data Source.");
        return builder;
    }

    /// <summary>The full path of the SQLite file (or the data source as given for in-memory and URI forms).</summary>
    public static string SqliteFile(SqliteConnectionStringBuilder builder) =>
        builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(builder.DataSource)
            : builder.DataSource;

    /// <summary>The gate every writer to this SQLite file in this process queues on.</summary>
    public static SemaphoreSlim SqliteWriteGate(string file) => SqliteWriteGates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));

    /// <summary>The shared pool for this connection string; give it back with <see cref="ReleasePostgreSqlAsync"/>.</summary>
    public static NpgsqlDataSource AcquirePostgreSql(NpgsqlConnectionStringBuilder builder) => SharedPostgreSqlDataSources.Acquire(builder);

    public static ValueTask ReleasePostgreSqlAsync(NpgsqlDataSource source) => SharedPostgreSqlDataSources.ReleaseAsync(source);
}
