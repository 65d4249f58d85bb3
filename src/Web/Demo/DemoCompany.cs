using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Web.Admin;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// The demo company in Porto: a fixed tenant id, a dispatcher whose password the README gives, and technicians
/// with fresh device tokens (tokens are never stored, so a restarted demo revokes the old ones and issues new).
/// </summary>
public sealed class DemoCompany(IClusterClient grains, Onboarding onboarding, ITechnicianRoster roster)
{
    public const string TenantId = "portodemo";
    public const string DispatcherEmail = "dispatcher@porto-demo.example";
    public const string DispatcherPassword = "porto-demo-dispatcher";

    /// <summary>Porto's money; its documents and plan are in it.</summary>
    public const string Currency = "EUR";

    private static readonly string[] Names =
    [
        "Ana Ferreira", "Bruno Costa", "Carla Sousa", "Diogo Martins", "Elsa Pereira", "Filipe Rocha", "Graça Lopes",
        "Hugo Almeida", "Inês Ribeiro", "João Carvalho", "Lara Gomes", "Miguel Pinto", "Nuno Teixeira", "Olga Moreira",
        "Paulo Correia", "Rita Mendes", "Sérgio Nunes", "Teresa Vieira", "Vasco Monteiro", "Zélia Cardoso",
    ];

    private static readonly string[][] Skills = [["irrigation"], ["hvac"], ["backflow"], ["irrigation", "backflow"], ["roofing"]];

    /// <summary>Creates what is missing and returns a fresh device token per technician, as many as asked (at most 20).</summary>
    public async Task<IReadOnlyList<string>> PrepareAsync(int technicians)
    {
        var company = grains.GetGrain<ICompanyGrain>(TenantId);
        if (await company.GetAsync() is null)
        {
            await onboarding.CreateCompanyAsync("Porto Field Services (demo)", new NewDispatcher(DispatcherEmail, "Demo Dispatcher", DispatcherPassword), TenantId);
            await company.SetCurrencyAsync(Currency);
        }

        // The demo's technicians are known by name: a restart finds those it made before and makes the rest.
        var existing = (await roster.ListAsync(TenantId, after: null, TechnicianRoster.MaxPageSize))
            .GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First().TechnicianId);
        var ids = new List<string>();
        for (var i = 0; i < Math.Min(technicians, Names.Length); i++)
        {
            var homeBase = new GeoPoint(41.1579 + (i % 5) * 0.01, -8.6291 + (i / 5) * 0.01);
            ids.Add(existing.TryGetValue(Names[i], out var id)
                ? id
                : await onboarding.CreateTechnicianAsync(TenantId, new TechnicianProfile(Names[i], Skills[i % Skills.Length], homeBase, null)));
        }

        var tokens = new List<string>();
        foreach (var id in ids.Take(technicians))
        {
            var technician = await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(TenantId, id)).GetAsync();
            foreach (var device in technician.Devices.Where(d => !d.Revoked)) await onboarding.RevokeDeviceAsync(TenantId, id, device.DeviceId);
            var grain = grains.GetGrain<ITechnicianGrain>(TenantKeys.For(TenantId, id));
            await grain.SetStatusAsync(TechnicianStatus.Available);
            await grain.SetScheduleAsync(Schedule(technician.Profile.HomeBase));
            tokens.Add((await onboarding.IssueDeviceTokenAsync(TenantId, id, "demo replay")).Token);
        }

        return tokens;
    }

    /// <summary>Every day from early to late, so the demo has a working day whenever it is run.</summary>
    private static TechnicianSchedule Schedule(GeoPoint? home) => new(
        DemoJobs.TimeZone,
        [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, DemoJobs.DayStarts, DemoJobs.DayEnds))],
        [], home, home, TimeSpan.FromMinutes(5), []);
}
