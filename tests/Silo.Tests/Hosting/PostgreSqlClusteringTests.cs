using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Silo.Tests.Grains;
using OrleansPortal.Silo.Tests.Infrastructure;

namespace OrleansPortal.Silo.Tests.Hosting;

/// <summary>Orleans' ADO.NET clustering on our PostgreSQL schema: every silo sharing the database joins one cluster.</summary>
public sealed class PostgreSqlClusteringTests
{
    private const int Active = (int)SiloStatus.Active;
    private const int Dead = (int)SiloStatus.Dead;

    [Fact]
    public async Task TwoSilosOnOneDatabase_FormOneCluster_AndReachEachOthersGrains()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var a = await PortalSilo.StartAsync(database.Silo);
        await using var b = await PortalSilo.StartAsync(database.Silo);

        await Eventually.TrueAsync(() => ActiveMembers(a) == 2 && ActiveMembers(b) == 2, "each silo sees both active");
        Assert.Equal(2, await database.ScalarAsync($"SELECT count(*) FROM orleans_membership WHERE status = {Active}"));

        var livesOnB = b.Client.GetGrain<ISiloIdentityGrain>(Guid.NewGuid());
        var siloB = await livesOnB.WhereAsync();
        var siloA = await a.Client.GetGrain<ISiloIdentityGrain>(Guid.NewGuid()).WhereAsync();
        Assert.NotEqual(siloA, siloB);
        Assert.Equal(siloB, await a.Client.GetGrain<ISiloIdentityGrain>(livesOnB.GetPrimaryKey()).WhereAsync());
    }

    [Fact]
    public async Task SiloThatStops_IsMarkedDead_InTheTableAndByTheSiloThatStays()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var stays = await PortalSilo.StartAsync(database.Silo);
        await using var leaves = await PortalSilo.StartAsync(database.Silo);
        await Eventually.TrueAsync(() => ActiveMembers(stays) == 2, "the first silo sees the second active");
        var leaving = leaves.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        await leaves.StopAsync();

        Assert.Equal(Dead, await database.ScalarAsync(
            $"SELECT status FROM orleans_membership WHERE port = {leaving.Endpoint.Port} AND generation = {leaving.Generation}"));
        await Eventually.TrueAsync(() => StatusSeenBy(stays, leaving) == SiloStatus.Dead, "the remaining silo sees the other dead");
        Assert.Equal(1, await database.ScalarAsync($"SELECT count(*) FROM orleans_membership WHERE status = {Active}"));
    }

    private static int ActiveMembers(PortalSilo silo) =>
        Membership(silo).Members.Values.Count(m => m.Status == SiloStatus.Active);

    private static SiloStatus StatusSeenBy(PortalSilo silo, SiloAddress other) =>
        Membership(silo).Members.TryGetValue(other, out var member) ? member.Status : SiloStatus.None;

    private static ClusterMembershipSnapshot Membership(PortalSilo silo) =>
        silo.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
}
