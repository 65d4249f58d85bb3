using Orleans.Storage;
using OrleansPortal.Testing;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database for one test class (see <see cref="ThrowawayPostgresDatabase"/>).</summary>
public sealed class PostgresDatabaseFixture : StorageDatabaseFixture
{
    private ThrowawayPostgresDatabase? _database;

    public string ConnectionString => _database?.ConnectionString ?? "";

    public override AdoNetStorageOptions CreateOptions() =>
        new() { Invariant = AdoNetInvariants.PostgreSql, ConnectionString = ConnectionString };

    public override async Task InitializeAsync() => _database = await ThrowawayPostgresDatabase.CreateAsync("test");

    public override async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
