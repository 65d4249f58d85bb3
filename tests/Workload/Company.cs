using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Testing.Workload;

/// <summary>
/// A company made through the public APIs of whichever node a call names, as its operator and dispatcher would: the
/// dispatcher's cookie works on every node. Dispatch is set up so that it is about noon in the company's time zone
/// (an "Etc/GMT±N" zone) and technicians work all day, so jobs with windows relative to now fit today.
/// </summary>
public sealed class Company
{
    public const string Password = "correct horse battery";

    public static readonly (double Latitude, double Longitude) Ribeira = (41.1405, -8.6110);
    public static readonly (double Latitude, double Longitude) Matosinhos = (41.1844, -8.6963);

    private readonly ConcurrentDictionary<Uri, HttpClient> _clients = new();

    private Company(string tenantId, string cookie, string timeZone)
    {
        TenantId = tenantId;
        Cookie = cookie;
        TimeZone = timeZone;
    }

    public string TenantId { get; }

    /// <summary>The dispatcher's auth cookie ("name=value").</summary>
    public string Cookie { get; }

    public string TimeZone { get; }

    /// <summary>An HTTP client signed in as the dispatcher, talking to <paramref name="node"/>.</summary>
    public HttpClient Dispatcher(Uri node) => _clients.GetOrAdd(node, address =>
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("Cookie", Cookie);
        return client;
    });

    /// <param name="adminKey">The operator's key the app was started with (Admin__ApiKey).</param>
    public static async Task<Company> CreateAsync(Uri node, string adminKey, bool autoAssign, string name = "Acme Irrigation")
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };
        var email = $"dispatch-{Guid.NewGuid():N}@example.com";
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/companies")
        {
            Content = JsonContent.Create(new { name, dispatcher = new { email, displayName = "Dana Dispatcher", password = Password } }),
        })
        {
            create.Headers.Add("X-Admin-Key", adminKey);
            (await http.SendAsync(create)).EnsureSuccessStatusCode();
        }

        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var me = await login.Content.ReadFromJsonAsync<JsonElement>();
        var company = new Company(me.GetProperty("tenantId").GetString()!, cookie, NoonZone());
        (await company.Dispatcher(node).PutAsJsonAsync("/api/v1/dispatch/settings", new { timeZone = company.TimeZone, autoAssign })).EnsureSuccessStatusCode();
        return company;
    }

    /// <summary>"Etc/GMT-3" is UTC+3 (the sign is POSIX's): the zone where the local hour is closest to 12 now.</summary>
    private static string NoonZone()
    {
        var offset = 12 - DateTime.UtcNow.Hour;
        return offset == 0 ? "Etc/GMT" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
    }

    /// <summary>A technician who works every day from 00:00 to 23:59, starting and ending at <paramref name="home"/>.</summary>
    public async Task<string> AddTechnicianAsync(Uri node, string name, (double Latitude, double Longitude) home, params string[] skills)
    {
        var http = Dispatcher(node);
        var response = await http.PostAsJsonAsync("/api/v1/technicians", new { name, skills, homeBase = new { latitude = home.Latitude, longitude = home.Longitude } });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var schedule = new
        {
            timeZone = TimeZone,
            workingHours = Enum.GetNames<DayOfWeek>().Select(day => new { day, start = "00:00", end = "23:59" }),
            blackoutDates = Array.Empty<string>(),
            startLocation = new { latitude = home.Latitude, longitude = home.Longitude },
            endLocation = new { latitude = home.Latitude, longitude = home.Longitude },
            bufferBetweenJobs = "00:00:00",
            certifications = Array.Empty<object>(),
        };
        (await http.PutAsJsonAsync($"/api/v1/technicians/{id}/schedule", schedule)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A device token for the technician's phone.</summary>
    public async Task<string> IssueTokenAsync(Uri node, string technicianId)
    {
        var response = await Dispatcher(node).PostAsJsonAsync($"/api/v1/technicians/{technicianId}/devices?setup=false", new { label = "phone" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A job for <paramref name="customerId"/> at <paramref name="at"/>, with an arrival window from now to <paramref name="windowHours"/> from now (none if null).</summary>
    public async Task<string> AddJobAsync(Uri node, string customerId, string propertyId, (double Latitude, double Longitude) at, double? windowHours, string description = "Sprinklers do not start")
    {
        var now = DateTimeOffset.UtcNow;
        var response = await Dispatcher(node).PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId,
            propertyId,
            location = new { latitude = at.Latitude, longitude = at.Longitude },
            address = description + " street",
            description,
            requiredSkills = Array.Empty<string>(),
            estimatedMinutes = 60,
            arrivalWindow = windowHours is { } hours ? new { start = now, end = now.AddHours(hours) } : null,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> TicketAsync(Uri node, string ticketId) =>
        await Dispatcher(node).GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{ticketId}");
}
