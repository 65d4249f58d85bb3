using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>A SQLite database file in a fresh temp directory, deleted with the directory at the end.</summary>
public sealed class SqliteDatabaseFixture : StorageDatabaseFixture
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "orleansportal-sqlite-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString { get; private set; } = "";

    public override AdoNetStorageOptions CreateOptions() =>
        new() { Invariant = AdoNetInvariants.Sqlite, ConnectionString = ConnectionString };

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "storage.db") }.ToString();
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting it.
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
