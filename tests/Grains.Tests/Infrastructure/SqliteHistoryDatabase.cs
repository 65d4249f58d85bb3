using Microsoft.Data.Sqlite;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>A SQLite database file in a fresh temp directory, deleted with the directory at the end.</summary>
public sealed class SqliteHistoryDatabase : HistoryDatabase
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "orleansportal-history-" + Guid.NewGuid().ToString("N"));
    private string connectionString = "";

    public override PingHistoryOptions CreateOptions() =>
        new() { Invariant = AdoNetInvariants.Sqlite, ConnectionString = connectionString };

    // A file in a directory that does not exist: SQLite cannot create it.
    public override PingHistoryOptions CreateUnreachableOptions() => new()
    {
        Invariant = AdoNetInvariants.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "missing", "history.db") }.ToString(),
    };

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "history.db") }.ToString();
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
