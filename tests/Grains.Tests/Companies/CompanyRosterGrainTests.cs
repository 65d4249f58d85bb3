using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Companies;

/// <summary>The grains that write and read the roster: technicians join it, the company counts it, dispatch reads it by pages.</summary>
public sealed class CompanyRosterGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private ITechnicianRoster Roster => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ITechnicianRoster>();

    [Fact]
    public async Task AProvisionedTechnician_IsOnTheRoster_AndTheRosterFollowsTheirStatus()
    {
        var id = TenantKeys.NewId();
        var technician = _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, id));

        await technician.ProvisionAsync(new TechnicianProfile("Rita Mendes", ["hvac"], null, null), null);
        Assert.Equal([new RosterEntry(id, "Rita Mendes", TechnicianStatus.OffDuty)], await Roster.ListAsync(_tenant, null, 10));

        await technician.SetStatusAsync(TechnicianStatus.Available);
        Assert.Equal([new RosterEntry(id, "Rita Mendes", TechnicianStatus.Available)], await Roster.ListAsync(_tenant, null, 10));
    }

    [Fact]
    public async Task TheCompany_CountsItsTechniciansOnTheRoster()
    {
        var company = _client.GetGrain<ICompanyGrain>(_tenant);
        await company.CreateAsync("Acme");
        var ids = new[] { TenantKeys.NewId(), TenantKeys.NewId(), TenantKeys.NewId() };
        foreach (var id in ids.Append(ids[0])) // provisioning again updates, it does not add
            await _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, id)).ProvisionAsync(new TechnicianProfile("Tech", [], null, null), null);

        var info = await company.GetAsync();

        Assert.Equal(3, info!.Technicians);
    }

    [Fact]
    public async Task Dispatch_SeesEveryTechnician_WhenTheRosterSpansSeveralPages()
    {
        var count = TechnicianRoster.MaxPageSize + 1;
        var ids = Enumerable.Range(0, count).Select(_ => TenantKeys.NewId()).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (id, _) =>
            await _client.GetGrain<ITechnicianGrain>(TenantKeys.For(_tenant, id)).ProvisionAsync(new TechnicianProfile($"Tech {id}", [], null, null), null));

        var board = await _client.GetGrain<IDispatchGrain>(_tenant).GetBoardAsync(null);

        Assert.Equal(ids.Order(StringComparer.Ordinal), board.Technicians.Select(t => t.Id).Order(StringComparer.Ordinal));
    }
}
