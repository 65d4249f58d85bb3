using System.Net.Http.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Dispatch;

/// <summary>
/// A company set up for dispatch tests whatever the hour the tests run: its time zone is chosen so that it is about
/// noon there now (an "Etc/GMT±N" zone), and its technicians work every day from 00:00 to 23:59, so "today" has
/// about twelve working hours left and windows relative to now never cross midnight.
/// </summary>
public sealed class DispatchScenario
{
    public static readonly (double Latitude, double Longitude) Ribeira = (41.1405, -8.6110);
    public static readonly (double Latitude, double Longitude) Boavista = (41.1579, -8.6291);
    public static readonly (double Latitude, double Longitude) Campanha = (41.1486, -8.5856);
    public static readonly (double Latitude, double Longitude) Matosinhos = (41.1844, -8.6963);
    public static readonly (double Latitude, double Longitude) Gaia = (41.1239, -8.6118);

    private DispatchScenario(TenantScenario company, string timeZone)
    {
        Company = company;
        TimeZone = timeZone;
    }

    public TenantScenario Company { get; }

    public string TimeZone { get; }

    public HttpClient Dispatcher => Company.Dispatcher;

    public static async Task<DispatchScenario> CreateAsync(PortalFactory app, bool autoAssign = true, string name = "Acme Irrigation")
    {
        var company = await TenantScenario.CreateAsync(app, name);
        var zone = NoonZone();
        (await company.Dispatcher.PutAsJsonAsync("/api/v1/dispatch/settings", new { timeZone = zone, autoAssign })).EnsureSuccessStatusCode();
        return new DispatchScenario(company, zone);
    }

    /// <summary>The same company after the app restarted, its dispatcher signed in again.</summary>
    public static DispatchScenario Resume(TenantScenario company, string timeZone) => new(company, timeZone);

    /// <summary>"Etc/GMT-3" is UTC+3 (the sign is POSIX's): the zone where the local hour is closest to 12 now.</summary>
    private static string NoonZone()
    {
        var offset = 12 - DateTime.UtcNow.Hour; // -11..12
        return offset == 0 ? "Etc/GMT" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
    }

    /// <param name="shift">Working hours every day, local "HH:mm" (the whole day unless given).</param>
    /// <param name="certifications">Certifications as the schedule API takes them ({ name, expiresOn }); none when null.</param>
    /// <param name="blackoutDates">Days off (yyyy-MM-dd) besides the every-day shifts.</param>
    public async Task<string> AddTechnicianAsync(
        string name, string[] skills, (double Latitude, double Longitude) home, string buffer = "00:00:00", (string From, string To)? shift = null,
        object[]? certifications = null, string[]? blackoutDates = null)
    {
        var response = await Dispatcher.PostAsJsonAsync("/api/v1/technicians", new { name, skills, homeBase = new { latitude = home.Latitude, longitude = home.Longitude } });
        response.EnsureSuccessStatusCode();
        var technician = (await response.Content.ReadFromJsonAsync<OrleansPortal.Web.Technicians.TechnicianDto>(ApiJson.Options))!;
        await SetScheduleAsync(technician.Id, home, buffer, certifications, blackoutDates, shift);
        return technician.Id;
    }

    /// <summary>Replaces a technician's schedule: every day <paramref name="shift"/> (00:00 to 23:59 unless given), from and back to <paramref name="home"/>.</summary>
    public async Task SetScheduleAsync(
        string technicianId, (double Latitude, double Longitude) home, string buffer = "00:00:00", object[]? certifications = null, string[]? blackoutDates = null,
        (string From, string To)? shift = null)
    {
        var schedule = new
        {
            timeZone = TimeZone,
            workingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = shift?.From ?? "00:00", end = shift?.To ?? "23:59" }),
            blackoutDates = blackoutDates ?? [],
            startLocation = new { latitude = home.Latitude, longitude = home.Longitude },
            endLocation = new { latitude = home.Latitude, longitude = home.Longitude },
            bufferBetweenJobs = buffer,
            certifications = certifications ?? [],
        };
        (await Dispatcher.PutAsJsonAsync($"/api/v1/technicians/{technicianId}/schedule", schedule)).EnsureSuccessStatusCode();
    }

    /// <summary>A job at <paramref name="at"/>; the window is relative to now (null: no window).</summary>
    public async Task<TicketDto> AddJobAsync(
        string description, (double Latitude, double Longitude) at, string[]? skills = null, double minutes = 60,
        (double FromHours, double ToHours)? window = null, string priority = "Routine", string? preferredTechnicianId = null)
    {
        var site = await Company.SiteAsync();
        var now = DateTimeOffset.UtcNow;
        var response = await Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = site.CustomerId,
            propertyId = site.PropertyId,
            location = new { latitude = at.Latitude, longitude = at.Longitude },
            address = description + " street",
            description,
            requiredSkills = skills ?? ["irrigation"],
            estimatedMinutes = minutes,
            arrivalWindow = window is { } w ? new { start = now.AddHours(w.FromHours), end = now.AddHours(w.ToHours) } : null,
            priority,
            preferredTechnicianId,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!;
    }

    /// <summary>A technician's phone: a client that sends the device token.</summary>
    public HttpClient Device(string token)
    {
        var client = Company.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Today's jobs as the phone shows them.</summary>
    public static async Task<IReadOnlyList<DeviceJobDto>> JobsAsync(HttpClient device) =>
        (await device.GetFromJsonAsync<IReadOnlyList<DeviceJobDto>>("/api/v1/device/jobs", ApiJson.Options))!;

    public async Task<TicketDto> TicketAsync(string id) => (await Dispatcher.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{id}", ApiJson.Options))!;

    public async Task<DayBoard> BoardAsync(string? day = null) =>
        (await Dispatcher.GetFromJsonAsync<DayBoard>("/api/v1/dispatch/board" + (day is null ? "" : $"?day={day}"), ApiJson.Options))!;

    /// <summary>Waits until dispatch has handled the ticket's latest change and the ticket satisfies <paramref name="condition"/>.</summary>
    public async Task<TicketDto> WaitForTicketAsync(string id, Func<TicketDto, bool> condition, string what)
    {
        TicketDto? last = null;
        await Eventually.TrueAsync(async () => condition(last = await TicketAsync(id)), what);
        return last!;
    }
}
