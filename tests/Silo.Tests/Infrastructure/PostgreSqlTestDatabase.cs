using System.Globalization;
using Npgsql;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>A fresh database on the throwaway PostgreSQL server (ORLEANSPORTAL_TEST_POSTGRES).</summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly ThrowawayPostgresDatabase _database;

    private PostgreSqlTestDatabase(ThrowawayPostgresDatabase database) => _database = database;

    public static async Task<PostgreSqlTestDatabase> CreateAsync() => new(await ThrowawayPostgresDatabase.CreateAsync("silo"));

    public override SiloDatabase Silo => new(AdoNetInvariants.PostgreSql, _database.ConnectionString);

    public override string Kind => "PostgreSQL";

    public override Task ExecuteAsync(string sql) => _database.ExecuteAsync(sql);

    public override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public override async Task<IReadOnlyList<string?[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
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
        await ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{name}'") > 0;

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
