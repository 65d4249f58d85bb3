using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using OrleansPortal.Silo.Storage.Schema;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Hosting;

/// <summary>
/// The membership protocol our clustering SQL must keep, checked on Orleans' own ADO.NET membership table without a
/// silo: every row write names the table version it read and bumps it, so of two silos that read the same version
/// only one can write; heartbeats and cleanup stay outside that protocol.
/// </summary>
public sealed class PostgreSqlMembershipTableTests
{
    [Fact]
    public async Task MembershipWrites_SucceedOnlyWithTheVersionTheyRead()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var table = await OpenTableAsync(database);
        var empty = await table.ReadAllAsync();

        Assert.True(await table.InsertRowAsync(Entry(port: 1000, SiloStatus.Joining), empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Entry(port: 1001, SiloStatus.Joining), empty.Version.Next()));

        var afterInsert = await table.ReadAllAsync();
        var (joined, etag) = Assert.Single(afterInsert.Members);
        joined.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(joined, etag, afterInsert.Version.Next()));
        joined.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(joined, etag, afterInsert.Version.Next()));

        var final = await table.ReadAllAsync();
        Assert.Equal(SiloStatus.Active, Assert.Single(final.Members).Item1.Status);
        Assert.Equal(empty.Version.Version + 2, final.Version.Version);
    }

    [Fact]
    public async Task SilosInsertingOnTheSameVersion_HaveExactlyOneWinner()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var table = await OpenTableAsync(database);
        var version = (await table.ReadAllAsync()).Version.Next();

        var won = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => table.InsertRowAsync(Entry(port: 2000 + i, SiloStatus.Joining), version))));

        Assert.Single(won, w => w);
        Assert.Single((await table.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Cleanup_ForgetsStaleSilosNoLongerActive_KeepsActiveOnes_AndLeavesTheVersionAlone()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var table = await OpenTableAsync(database);
        var longAgo = DateTime.UtcNow.AddDays(-2);
        var active = Entry(port: 3000, SiloStatus.Active, longAgo);
        Assert.True(await table.InsertRowAsync(active, (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await table.InsertRowAsync(Entry(port: 3001, SiloStatus.Dead, longAgo), (await table.ReadAllAsync()).Version.Next()));
        var before = await table.ReadAllAsync();

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var after = await table.ReadAllAsync();
        Assert.Equal(active.SiloAddress, Assert.Single(after.Members).Item1.SiloAddress);
        Assert.Equal(before.Version.Version, after.Version.Version);
    }

    [Fact]
    public async Task Heartbeat_UpdatesOnlyThatSilosTime_AndLeavesTheVersionAlone()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var table = await OpenTableAsync(database);
        var started = DateTime.UtcNow.AddMinutes(-5);
        var beating = Entry(port: 4000, SiloStatus.Active, started);
        var quiet = Entry(port: 4001, SiloStatus.Active, started);
        Assert.True(await table.InsertRowAsync(beating, (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await table.InsertRowAsync(quiet, (await table.ReadAllAsync()).Version.Next()));
        var before = await table.ReadAllAsync();

        var heartbeat = new DateTime(DateTime.UtcNow.Ticks / 10 * 10, DateTimeKind.Utc); // whole microseconds, as PostgreSQL keeps
        beating.IAmAliveTime = heartbeat;
        await table.UpdateIAmAliveAsync(beating);

        var after = await table.ReadAllAsync();
        Assert.Equal(heartbeat, after.TryGet(beating.SiloAddress)?.Item1.IAmAliveTime);
        Assert.NotEqual(heartbeat, after.TryGet(quiet.SiloAddress)?.Item1.IAmAliveTime);
        Assert.Equal(before.Version.Version, after.Version.Version);
    }

    private static async Task<AdoNetClusteringTable> OpenTableAsync(TestDatabase database)
    {
        await new SchemaMigrator(database.Silo).ApplyAsync(CancellationToken.None);
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = "membership-test", ServiceId = "test-service" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = database.Silo.Invariant, ConnectionString = database.Silo.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? iAmAlive = null) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation: 1),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = status,
        ProxyPort = 0,
        StartTime = iAmAlive ?? DateTime.UtcNow,
        IAmAliveTime = iAmAlive ?? DateTime.UtcNow,
    };
}
