using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Technicians;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Technicians;

/// <summary>The office creates and edits a technician: profile, working hours (nights included), days off, certifications, home base.</summary>
public sealed class TechnicianAdminApiTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static object Schedule(object[] workingHours, object? startLocation = null, object[]? certifications = null) => new
    {
        timeZone = "Europe/Lisbon",
        workingHours,
        blackoutDates = new[] { "2026-12-24" },
        startLocation = startLocation ?? new { latitude = 41.15, longitude = -8.61 },
        bufferBetweenJobs = "00:10:00",
        certifications = certifications ?? [],
    };

    private static object Shift(string day, string start, string end) => new { day, start, end };

    private static async Task<string[]> FieldsRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    [Fact]
    public async Task ATechnicianCreatedWithEverything_IsShownBackAsGiven_WithExpiredCertificationsFlagged()
    {
        var company = await TenantScenario.CreateAsync(app);

        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/technicians", new
        {
            name = "Gil Gardener",
            phone = "+351 912 345 678",
            skills = new[] { "irrigation", "backflow" },
            homeBase = new { latitude = 41.1405, longitude = -8.6110 },
            homeBaseAddress = "Depot, Rua do Almada 10",
            schedule = Schedule(
                [Shift("Monday", "08:00", "17:00"), Shift("Friday", "22:00", "06:00")],
                certifications: [new { name = "backflow tester", expiresOn = "2020-01-31" }, new { name = "gas safe", expiresOn = "2099-12-31" }]),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<TechnicianDto>(ApiJson.Options))!;
        var seen = await company.GetTechnicianAsync(created.Id);
        foreach (var t in new[] { created, seen })
        {
            Assert.Equal(("Gil Gardener", "+351 912 345 678", "Depot, Rua do Almada 10"), (t.Name, t.Phone, t.HomeBaseAddress));
            Assert.Equal(["irrigation", "backflow"], t.Skills);
            Assert.Equal(41.1405, t.HomeBase!.Value.Latitude);
            Assert.Equal("Europe/Lisbon", t.Schedule.TimeZone);
            var night = t.Schedule.WorkingHours.Single(h => h.Day == DayOfWeek.Friday);
            Assert.Equal((new TimeOnly(22, 0), new TimeOnly(6, 0)), (night.Start, night.End));
            Assert.Equal([new DateOnly(2026, 12, 24)], t.Schedule.BlackoutDates);
            Assert.Equal([("backflow tester", true), ("gas safe", false)], t.Certifications.Select(c => (c.Name, c.Expired)));
        }
    }

    [Fact]
    public async Task EditingTheProfile_ReplacesIt_AndLeavesTheScheduleAlone()
    {
        var company = await TenantScenario.CreateAsync(app);
        var tech = await company.AddTechnicianAsync("Gil Gardener");
        (await company.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}/schedule", Schedule([Shift("Tuesday", "07:00", "15:00")]))).EnsureSuccessStatusCode();

        var response = await company.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}", new
        {
            name = "Gil Jardineiro",
            phone = "+351 220 000 111",
            skills = new[] { "hvac" },
            homeBase = new { latitude = 41.1579, longitude = -8.6291 },
            homeBaseAddress = "Boavista yard",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal(("Gil Jardineiro", "+351 220 000 111", "Boavista yard", 41.1579), (seen.Name, seen.Phone, seen.HomeBaseAddress, seen.HomeBase!.Value.Latitude));
        Assert.Equal(["hvac"], seen.Skills);
        Assert.Equal(DayOfWeek.Tuesday, Assert.Single(seen.Schedule.WorkingHours).Day);
        var listed = await company.Dispatcher.GetFromJsonAsync<TechnicianDto[]>("/api/v1/technicians", ApiJson.Options);
        Assert.Equal("Gil Jardineiro", Assert.Single(listed!).Name); // the roster follows the new name

        (await company.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}", new { name = "Gil Jardineiro" })).EnsureSuccessStatusCode();
        var cleared = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal((null, null, null), (cleared.Phone, cleared.HomeBase, cleared.HomeBaseAddress));
    }

    [Fact]
    public async Task BadProfilesAndSchedules_AreRefusedPerField_AndChangeNothing()
    {
        var company = await TenantScenario.CreateAsync(app);
        var tech = await company.AddTechnicianAsync("Gil Gardener");
        var before = await company.GetTechnicianAsync(tech.Id);
        var profile = $"/api/v1/technicians/{tech.Id}";
        var schedule = $"/api/v1/technicians/{tech.Id}/schedule";

        Assert.Equal(["homeBase"], await FieldsRefusedAsync(await company.Dispatcher.PutAsJsonAsync(profile, new { name = "Gil", homeBase = new { latitude = 91, longitude = 0 } })));
        Assert.Equal(["homeBase"], await FieldsRefusedAsync(await company.Dispatcher.PostAsJsonAsync("/api/v1/technicians", new { name = "Gil", homeBase = new { latitude = 41, longitude = -181 } })));
        Assert.Equal(["phone"], await FieldsRefusedAsync(await company.Dispatcher.PutAsJsonAsync(profile, new { name = "Gil", phone = "   " })));
        Assert.Equal(["homeBaseAddress"], await FieldsRefusedAsync(await company.Dispatcher.PutAsJsonAsync(profile, new { name = "Gil", homeBaseAddress = "Somewhere" })));
        Assert.Equal(["workingHours[1]"], await FieldsRefusedAsync(await company.Dispatcher.PutAsJsonAsync(schedule,
            Schedule([Shift("Monday", "08:00", "12:00"), Shift("Monday", "11:00", "15:00")]))));
        // Sunday night runs into Monday morning, across the end of the week.
        Assert.Equal(["workingHours[1]"], await FieldsRefusedAsync(await company.Dispatcher.PutAsJsonAsync(schedule,
            Schedule([Shift("Monday", "05:00", "09:00"), Shift("Sunday", "22:00", "06:00")]))));
        Assert.Equal(["workingHours[0]"], await FieldsRefusedAsync(await company.Dispatcher.PutAsJsonAsync(schedule, Schedule([Shift("Monday", "08:00", "08:00")]))));
        Assert.Equal(["startLocation"], await FieldsRefusedAsync(await company.Dispatcher.PutAsJsonAsync(schedule,
            Schedule([Shift("Monday", "08:00", "17:00")], startLocation: new { latitude = 200, longitude = 0 }))));
        Assert.Equal(["schedule.workingHours[1]"], await FieldsRefusedAsync(await company.Dispatcher.PostAsJsonAsync("/api/v1/technicians", new
        {
            name = "Eva",
            schedule = Schedule([Shift("Friday", "20:00", "02:00"), Shift("Saturday", "01:00", "09:00")]),
        })));

        var after = await company.GetTechnicianAsync(tech.Id);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
        Assert.Single((await company.Dispatcher.GetFromJsonAsync<TechnicianDto[]>("/api/v1/technicians", ApiJson.Options))!); // no technician was created
    }

    [Fact]
    public async Task AnotherCompanysTechnician_CannotBeReadOrEdited()
    {
        var ours = await TenantScenario.CreateAsync(app);
        var theirs = await TenantScenario.CreateAsync(app, "Rival Gardens");
        var tech = await theirs.AddTechnicianAsync("Rui Rival");

        Assert.Equal(HttpStatusCode.NotFound, (await ours.Dispatcher.GetAsync($"/api/v1/technicians/{tech.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}", new { name = "Mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{tech.Id}/schedule", Schedule([Shift("Monday", "08:00", "17:00")]))).StatusCode);
        Assert.Equal("Rui Rival", (await theirs.GetTechnicianAsync(tech.Id)).Name);
    }
}
