using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Technicians;

public sealed class ScheduleApiTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _app;

    public ScheduleApiTests(PortalFactory app) => _app = app;

    [Fact]
    public async Task Schedule_IsStored_AndShownWithTheTechnician()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();

        var response = await company.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}/schedule", new
        {
            timeZone = "Europe/Lisbon",
            workingHours = new[] { new { day = "Monday", start = "07:30", end = "15:30" } },
            blackoutDates = new[] { "2026-12-24" },
            startLocation = new { latitude = 41.15, longitude = -8.61 },
            bufferBetweenJobs = "00:10:00",
            certifications = new[] { new { name = "backflow", expiresOn = "2027-03-31" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal("Europe/Lisbon", seen.Schedule.TimeZone);
        Assert.Equal(TimeSpan.FromMinutes(10), seen.Schedule.BufferBetweenJobs);
        Assert.Equal(new TimeOnly(7, 30), Assert.Single(seen.Schedule.WorkingHours).Start);
    }

    [Fact]
    public async Task UnknownTimeZoneOrAShiftWithoutLength_IsRejectedPerField()
    {
        var company = await TenantScenario.CreateAsync(_app);
        var tech = await company.AddTechnicianAsync();

        var response = await company.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}/schedule", new
        {
            timeZone = "Mars/Olympus",
            workingHours = new[] { new { day = "Monday", start = "17:00", end = "17:00" } },
            blackoutDates = Array.Empty<string>(),
            bufferBetweenJobs = "00:00:00",
            certifications = Array.Empty<object>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("timeZone", body);
        Assert.Contains("workingHours[0]", body);
    }
}
