using System.Net.Http.Json;
using OrleansPortal.Web.Tests.Infrastructure;
using static OrleansPortal.Web.Tests.Dispatch.DispatchScenario;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// A technician's day with two drives, driven as the phone drives them: set off (en route), arrive (check in at the
/// site), finish; then the next job. The app's clock (an <see cref="AdjustableClock"/>) is moved on while they drive.
/// </summary>
internal sealed record DrivenDay(DispatchScenario Day, string TechnicianId, string FirstJob, string SecondJob)
{
    public static readonly TimeSpan FirstDrive = TimeSpan.FromMinutes(18);
    public static readonly TimeSpan SecondDrive = TimeSpan.FromMinutes(31);

    public static async Task<DrivenDay> DriveAsync(PortalFactory app, AdjustableClock clock, string name = "Acme Irrigation")
    {
        var day = await CreateAsync(app, name: name);
        var technician = await day.AddTechnicianAsync("Gil Gardener", ["irrigation"], Ribeira);
        var device = day.Device((await day.Company.IssueTokenAsync(technician)).Token);
        var first = await day.AddJobAsync("Fix the pump", Campanha, minutes: 30, window: (1, 2));
        var second = await day.AddJobAsync("Check valves", Boavista, minutes: 30, window: (3, 4));
        foreach (var job in new[] { first, second })
            await day.WaitForTicketAsync(job.Id, t => t.TechnicianId == technician && t.Status == "Assigned", "dispatch assigns " + job.Description);

        await DriveToAsync(device, clock, first.Id, Campanha, FirstDrive);
        (await device.PostAsJsonAsync($"/api/v1/device/jobs/{first.Id}/status", new { status = "Completed" })).EnsureSuccessStatusCode();
        await DriveToAsync(device, clock, second.Id, Boavista, SecondDrive);
        return new DrivenDay(day, technician, first.Id, second.Id);
    }

    private static async Task DriveToAsync(HttpClient device, AdjustableClock clock, string ticketId, (double Latitude, double Longitude) site, TimeSpan drive)
    {
        (await device.PostAsJsonAsync($"/api/v1/device/jobs/{ticketId}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
        clock.Advance(drive);
        (await device.PostAsJsonAsync("/api/v1/device/check-in", new { ticketId, latitude = site.Latitude, longitude = site.Longitude })).EnsureSuccessStatusCode();
    }
}
