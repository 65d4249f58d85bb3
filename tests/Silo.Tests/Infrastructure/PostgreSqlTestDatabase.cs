using System.Data.Common;
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

    protected override DbConnection CreateConnection() => new NpgsqlConnection(_database.ConnectionString);

    public override async Task<bool> TableExistsAsync(string name) =>
        await ScalarAsync($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{name}'") > 0;

    public override ValueTask DisposeAsync() => _database.DisposeAsync();
}
