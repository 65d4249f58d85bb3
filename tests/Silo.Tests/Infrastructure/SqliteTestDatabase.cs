using System.Data.Common;
using Microsoft.Data.Sqlite;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>A SQLite file in a fresh temp directory, deleted with it.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("orleansportal-silo-").FullName;

    public string File => Path.Combine(_directory, "portal.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = File }.ConnectionString;

    public override SiloDatabase Silo => new(AdoNetInvariants.Sqlite, ConnectionString);

    public override string Kind => "SQLite";

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public override async Task<bool> TableExistsAsync(string name) =>
        await ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{name}'") > 0;

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before deleting it.
        using (var connection = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(connection);
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
