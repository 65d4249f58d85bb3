using OrleansPortal.Silo.Storage;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Testing;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database for one test class (see <see cref="ThrowawayPostgresDatabase"/>).</summary>
public sealed class PostgresHistoryDatabase : HistoryDatabase
{
    private ThrowawayPostgresDatabase? _database;

    public override PingHistoryOptions CreateOptions() =>
        new() { Invariant = AdoNetInvariants.PostgreSql, ConnectionString = _database!.ConnectionString };

    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    public override PingHistoryOptions CreateUnreachableOptions() =>
        new() { Invariant = AdoNetInvariants.PostgreSql, ConnectionString = "Host=127.0.0.1;Port=1;Username=postgres;Timeout=5" };

    public override Task ExecuteAsync(string sql) => _database!.ExecuteAsync(sql);

    public override async Task InitializeAsync() => _database = await ThrowawayPostgresDatabase.CreateAsync("history");

    public override async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
