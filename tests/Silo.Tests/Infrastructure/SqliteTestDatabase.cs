using System.Globalization;
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

    public override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public override async Task<IReadOnlyList<string?[]>> RowsAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))
                .ToArray());
        }

        return rows;
    }

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
