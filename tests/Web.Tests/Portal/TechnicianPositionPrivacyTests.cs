using System.Collections;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Portal.Appointments;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>
/// A technician's position and the customers on their route, beyond AppointmentPrivacyTests (one customer, one job):
/// the customer next in line and the customer already served never see the drive to someone else, and a customer
/// who starts watching on the way gets where the technician is now, never where they have been. Every "receives
/// nothing" waits first until the customer being driven to got the same ping.
/// </summary>
public sealed class TechnicianPositionPrivacyTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task TheCustomerNextInLine_DoesNotSeeTheTechnicianDriveToAnotherCustomer()
    {
        using var app = new PortalFactory();
        var route = await Route.CreateAsync(app);
        await route.MoveAsync(route.TheirJob, "EnRoute");
        await using var mine = await route.WatchAsync(route.MyCookie, route.MyJob);
        await using var theirs = await route.WatchAsync(route.TheirCookie, route.TheirJob);

        await route.PingAsync(41.1430, -8.6100);

        await theirs.NextAsync("TechnicianPosition", Wait);
        Assert.DoesNotContain(mine.Drain(), i => i.Target == "TechnicianPosition");
    }

    [Fact]
    public async Task TheCustomerServed_DoesNotSeeTheTechnicianDriveOnToTheNext()
    {
        using var app = new PortalFactory();
        var route = await Route.CreateAsync(app);
        await using var mine = await route.WatchAsync(route.MyCookie, route.MyJob);
        await route.MoveAsync(route.MyJob, "EnRoute");
        await route.PingAsync(41.1430, -8.6100);
        await mine.NextAsync("TechnicianPosition", Wait); // followed while on the way to this customer
        await route.MoveAsync(route.MyJob, "OnSite");
        await mine.NextAsync("TechnicianHidden", Wait);
        await route.MoveAsync(route.MyJob, "Completed");
        while ((await mine.NextAsync("Status", Wait)).GetProperty("status").GetString() != "Completed") { } // OnSite's comes first
        await using var theirs = await route.WatchAsync(route.TheirCookie, route.TheirJob);
        await route.MoveAsync(route.TheirJob, "EnRoute");

        await route.PingAsync(41.1420, -8.6050);

        await theirs.NextAsync("TechnicianPosition", Wait);
        Assert.DoesNotContain(mine.Drain(), i => i.Target == "TechnicianPosition");
    }

    [Fact]
    public async Task WatchingOnTheWay_GivesTheLatestPositionOnly_NeverTheTrack()
    {
        using var app = new PortalFactory();
        var route = await Route.CreateAsync(app);
        await route.MoveAsync(route.MyJob, "EnRoute");
        await using (var first = await route.WatchAsync(route.MyCookie, route.MyJob))
        {
            foreach (var lat in new[] { 41.1380, 41.1400, 41.1420 })
            {
                await route.PingAsync(lat, -8.6100);
                await first.NextAsync("TechnicianPosition", Wait);
            }
        }

        await using var later = await route.WatchAsync(route.MyCookie, route.MyJob);
        await route.MoveAsync(route.MyJob, "OnSite");
        var received = new List<(string Target, JsonElement Argument)>();
        await Eventually.TrueAsync(() => Task.FromResult(Collect(later, received).Any(i => i.Target == "Status")), "the later page hears of the arrival");

        var position = Assert.Single(received, i => i.Target == "TechnicianPosition").Argument;
        Assert.Equal(41.1420, position.GetProperty("lat").GetDouble(), 6);
        // Nothing a customer can be sent carries more than one position.
        Assert.All(typeof(IAppointmentClient).GetMethods().SelectMany(m => m.GetParameters()),
            p => Assert.False(p.ParameterType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.ParameterType), $"{p.Member.Name}({p.ParameterType.Name})"));
    }

    private static List<(string Target, JsonElement Argument)> Collect(SignalRTestClient connection, List<(string Target, JsonElement Argument)> into)
    {
        into.AddRange(connection.Drain().Select(i => (i.Target, i.Arguments[0])));
        return into;
    }

    /// <summary>One technician with two customers' jobs assigned (mine and theirs), dispatched by hand so nothing moves them meanwhile.</summary>
    private sealed class Route
    {
        private readonly PortalFactory _app;
        private readonly DispatchScenario _day;
        private readonly string _token;
        private int _minutesAgo = 15; // pings dated minutes apart and in order, the latest still fresh

        private Route(PortalFactory app, DispatchScenario day, string token) => (_app, _day, _token) = (app, day, token);

        public string MyJob { get; private set; } = "";

        public string MyCookie { get; private set; } = "";

        public string TheirJob { get; private set; } = "";

        public string TheirCookie { get; private set; } = "";

        public static async Task<Route> CreateAsync(PortalFactory app)
        {
            var day = await DispatchScenario.CreateAsync(app, autoAssign: false);
            var technician = await day.AddTechnicianAsync("Gil Gardener", [], DispatchScenario.Ribeira);
            var route = new Route(app, day, (await day.Company.IssueTokenAsync(technician)).Token);
            (route.MyJob, route.MyCookie) = await AssignedJobAsync(day, "Smith household", technician);
            (route.TheirJob, route.TheirCookie) = await AssignedJobAsync(day, "Jones household", technician);
            return route;
        }

        private static async Task<(string Job, string OwnerCookie)> AssignedJobAsync(DispatchScenario day, string name, string technicianId)
        {
            var (customer, property, owner) = await PortalJobsScenario.AddCustomerAsync(day, name);
            var job = await customer.AddJobAsync(property.Id);
            (await day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job}/status", new { status = "Assigned", technicianId })).EnsureSuccessStatusCode();
            return (job, PortalJobsScenario.CookieOf(owner));
        }

        public async Task<SignalRTestClient> WatchAsync(string cookie, string jobId)
        {
            var connection = await SignalRTestClient.ConnectAsync(_app, AppointmentHub.Path, cookie);
            await connection.InvokeAsync(nameof(AppointmentHub.Watch), jobId);
            return connection;
        }

        public async Task MoveAsync(string jobId, string status) =>
            (await _day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{jobId}/status", new { status })).EnsureSuccessStatusCode();

        public async Task PingAsync(double lat, double lon)
        {
            var time = DateTimeOffset.UtcNow.AddMinutes(-Interlocked.Add(ref _minutesAgo, -3));
            var device = _app.CreateClient();
            device.DefaultRequestHeaders.Authorization = new("Bearer", _token);
            (await device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time, lat, lon } } })).EnsureSuccessStatusCode();
        }
    }
}
