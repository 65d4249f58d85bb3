using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Notifications.InApp;
using OrleansPortal.Web.Portal.Appointments;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>
/// Every public method of the customer-facing hubs, called by customer B, a customer of another company and A's
/// property manager (granted another site) with customer A's ids. While they hold their connections, A's job changes in
/// every way a hub reports (ETA, status, the technician's position on the way, the team's chat messages): A's own
/// connections receive each change (the positive control), theirs nothing. A hub method without a row here fails
/// <see cref="TheTable_ListsEveryMethodOfTheCustomerHubs"/>. That customer cookies open no dispatcher hub is
/// PortalAuthorizationTests.CustomerCookie_OpensNoDispatcherApi_NorTheLiveMapHub and
/// ChatAuthorizationTests.EachHub_AcceptsOnlyItsOwnKindOfCookie; <see cref="EveryHub_LetsInOnlyItsOwnKindOfCookie"/>
/// extends that to whatever hub is mapped.
/// </summary>
public sealed class PortalHubMatrixTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    /// <param name="Refuses">Whether the call is a hub error; leaving needs no permission (it only ever names the caller's own groups).</param>
    /// <param name="Arguments">
    /// The calls to make with A's ids, one argument each; a manager may open their customer's general thread by design, so
    /// theirs is the job's only. None: the method takes nothing and is called once without arguments.
    /// </param>
    private sealed record HubMethodCase(string Hub, string Method, bool Refuses, Func<HubWorld, bool, string[]> Arguments);

    private static readonly IReadOnlyList<HubMethodCase> Table =
    [
        new(AppointmentHub.Path, nameof(AppointmentHub.Watch), Refuses: true, (w, _) => [w.JobId]),
        new(AppointmentHub.Path, nameof(AppointmentHub.Unwatch), Refuses: false, (w, _) => [w.JobId]),
        new(PortalChatHub.Path, nameof(ChatHub.Join), Refuses: true, (w, manager) => manager ? [w.JobThread] : [w.JobThread, w.GeneralThread]),
        new(PortalChatHub.Path, nameof(ChatHub.Leave), Refuses: false, (w, manager) => manager ? [w.JobThread] : [w.JobThread, w.GeneralThread]),
        // Tells A's team someone is typing in A's thread: refused, so nobody but A's contacts can.
        new(PortalChatHub.Path, nameof(ChatHub.Typing), Refuses: true, (w, manager) => manager ? [w.JobThread] : [w.JobThread, w.GeneralThread]),
        // Names nothing: it answers once the caller's own contact group (from the cookie) is joined.
        new(NotificationCentreHub.Path, nameof(NotificationCentreHub.Listening), Refuses: false, (_, _) => []),
    ];

    public static TheoryData<string, string> Methods()
    {
        var methods = new TheoryData<string, string>();
        foreach (var row in Table) methods.Add(row.Hub, row.Method);
        return methods;
    }

    [Fact]
    public void TheTable_ListsEveryMethodOfTheCustomerHubs()
    {
        using var app = new PortalFactory();
        var reflected = MappedHubs(app)
            .Where(h => Policy(h.Type) == PortalClaims.CustomerPolicy)
            .SelectMany(h => PublicMethods(h.Type).Select(m => $"{h.Path} {m}"))
            .ToHashSet();
        var tabled = Table.Select(c => $"{c.Hub} {c.Method}").ToHashSet();

        Assert.True(reflected.SetEquals(tabled),
            $"Hub methods without a row: [{string.Join(", ", reflected.Except(tabled))}]; rows for no method: [{string.Join(", ", tabled.Except(reflected))}].");
    }

    [Fact]
    public async Task EveryHub_LetsInOnlyItsOwnKindOfCookie()
    {
        using var app = new PortalFactory();
        var world = await HubWorld.CreateAsync(app);
        foreach (var (path, type) in MappedHubs(app))
        {
            if (TokenHubs.Contains(type))
            {
                // Open to anyone by design: a method's token is the credential (TrackingHubTests checks it).
                Assert.NotNull(type.GetCustomAttribute<AllowAnonymousAttribute>());
                continue;
            }
            var policy = Policy(type);
            Assert.True(policy is PortalClaims.CustomerPolicy or PortalClaims.DispatcherPolicy, $"{type.Name} at {path} requires neither cookie.");
            var (welcome, refused) = policy == PortalClaims.CustomerPolicy ? (world.Portal.OwnerCookie, world.Portal.Day.Company.Cookie) : (world.Portal.Day.Company.Cookie, world.Portal.OwnerCookie);
            Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(app, path, cookie: null));
            Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync(app, path, refused));
            Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(app, path, welcome));
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task ACustomerHubMethodCalledWithTheIdsOfA_DeliversTheOthersNothing(string hub, string method)
    {
        var row = Table.Single(c => c.Hub == hub && c.Method == method);
        using var app = new PortalFactory();
        var world = await HubWorld.CreateAsync(app);
        var intruders = new List<(string Who, SignalRTestClient Connection)>();
        try
        {
            foreach (var (who, cookie, manager) in new[] { ("customer B", world.NeighbourCookie, false), ("another company's customer", world.ForeignerCookie, false), ("a manager of A's other site", world.ManagerCookie, true) })
            {
                var connection = await SignalRTestClient.ConnectAsync(app, hub, cookie);
                intruders.Add((who, connection));
                var arguments = row.Arguments(world, manager);
                foreach (var call in arguments.Length == 0 ? [connection.InvokeAsync(method)] : arguments.Select(a => connection.InvokeAsync(method, a)))
                {
                    if (row.Refuses) await Assert.ThrowsAsync<InvalidOperationException>(() => call);
                    else await call;
                }
            }

            await using var appointment = await SignalRTestClient.ConnectAsync(app, AppointmentHub.Path, world.Portal.OwnerCookie);
            await using var chat = await SignalRTestClient.ConnectAsync(app, PortalChatHub.Path, world.Portal.OwnerCookie);
            await appointment.InvokeAsync(nameof(AppointmentHub.Watch), world.JobId);
            await chat.InvokeAsync(nameof(ChatHub.Join), world.JobThread);
            await chat.InvokeAsync(nameof(ChatHub.Join), world.GeneralThread);
            await world.ChangeEverythingAsync(appointment, chat);

            foreach (var (who, connection) in intruders)
            {
                var received = connection.Drain();
                Assert.True(received.Count == 0, $"{who} received {string.Join(", ", received.Select(r => r.Target))} after {method}.");
            }
        }
        finally
        {
            foreach (var (_, connection) in intruders) await connection.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> NegotiateAsync(PortalFactory app, string path, string? cookie)
    {
        var client = app.CreateClient();
        if (cookie is not null) client.DefaultRequestHeaders.Add("Cookie", cookie);
        return (await client.PostAsync($"{path}/negotiate?negotiateVersion=1", null)).StatusCode;
    }

    private static IEnumerable<(string Path, Type Type)> MappedHubs(PortalFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is not null && !e.RoutePattern.RawText!.EndsWith("/negotiate", StringComparison.Ordinal))
            .Select(e => (e.RoutePattern.RawText!, e.Metadata.GetMetadata<HubMetadata>()!.HubType))
            .Distinct();

    /// <summary>Hubs whose only credential is a token passed to their methods: the tracking-link page's.</summary>
    private static readonly HashSet<Type> TokenHubs = [typeof(OrleansPortal.Web.Notifications.TrackingLinks.TrackingHub)];

    private static string? Policy(Type hub) => hub.GetCustomAttribute<AuthorizeAttribute>()?.Policy;

    /// <summary>What a client can invoke: the public instance methods the hub and its own base classes declare, not SignalR's Hub's.</summary>
    private static IEnumerable<string> PublicMethods(Type hub)
    {
        string[] lifecycle = [nameof(Hub.OnConnectedAsync), nameof(Hub.OnDisconnectedAsync), nameof(Hub.Dispose)];
        for (var type = hub; type is not null && type != typeof(Hub) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Hub<>)); type = type.BaseType)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                if (!method.IsSpecialName && !lifecycle.Contains(method.Name)) yield return method.Name;
        }
    }

    /// <summary>
    /// Customer A with an emergency job assigned to the company's technician, and the others' cookies: B of the same
    /// company, a customer of another company, and A's property manager granted only A's other site.
    /// </summary>
    private sealed class HubWorld
    {
        private int _minutesAgo = 15; // pings dated minutes apart, so the jump filter sees a plausible drive

        private HubWorld(PortalJobsScenario portal, string jobId, string token) => (Portal, JobId, _token) = (portal, jobId, token);

        private readonly string _token;

        public PortalJobsScenario Portal { get; }

        public string JobId { get; }

        public string JobThread => ChatScenario.Job(JobId);

        public string GeneralThread => ChatScenario.General(Portal.Customer.Id);

        public string NeighbourCookie { get; private set; } = "";

        public string ForeignerCookie { get; private set; } = "";

        public string ManagerCookie { get; private set; } = "";

        public static async Task<HubWorld> CreateAsync(PortalFactory app)
        {
            var portal = await PortalJobsScenario.CreateAsync(app);
            var token = (await portal.Day.Company.IssueTokenAsync(portal.TechnicianId)).Token;
            var job = await portal.RequestEmergencyAsync();
            await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "the job is assigned");
            var office = await portal.Customer.AddPropertyAsync("Office");
            var world = new HubWorld(portal, job.Id, token);
            world.ManagerCookie = PortalJobsScenario.CookieOf(await portal.Customer.SignInAsync(
                (await portal.Customer.AddContactAsync(ChatScenario.UniqueEmail(), "PropertyManager", office.Id)).Id));
            world.NeighbourCookie = PortalJobsScenario.CookieOf((await PortalJobsScenario.AddCustomerAsync(portal.Day, "Jones household")).Owner);
            var other = await DispatchScenario.CreateAsync(app, name: "Bolt HVAC");
            world.ForeignerCookie = PortalJobsScenario.CookieOf((await PortalJobsScenario.AddCustomerAsync(other, "Bolt customer")).Owner);
            return world;
        }

        /// <summary>Changes A's job in every way the hubs report, waiting after each until A's own connections got it.</summary>
        public async Task ChangeEverythingAsync(SignalRTestClient appointment, SignalRTestClient chat)
        {
            await PingAsync(DispatchScenario.Matosinhos); // far from the job: a much later ETA
            await appointment.NextAsync("Eta", Wait);
            (await Portal.Day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{JobId}/status", new { status = "EnRoute" })).EnsureSuccessStatusCode();
            Assert.Equal("EnRoute", (await appointment.NextAsync("Status", Wait)).GetProperty("status").GetString());
            await PingAsync((41.1600, -8.6500));
            await appointment.NextAsync("TechnicianPosition", Wait);
            await Portal.Day.Dispatcher.SendAsync(ChatMessageMapping.TeamBase, JobThread, "On our way to you");
            Assert.Equal(JobThread, (await chat.NextAsync("Message", Wait)).GetProperty("threadId").GetString());
            await Portal.Day.Dispatcher.SendAsync(ChatMessageMapping.TeamBase, GeneralThread, "Your spring check is due");
            Assert.Equal(GeneralThread, (await chat.NextAsync("Message", Wait)).GetProperty("threadId").GetString());
        }

        private async Task PingAsync((double Latitude, double Longitude) at)
        {
            var time = DateTimeOffset.UtcNow.AddMinutes(-Interlocked.Add(ref _minutesAgo, -6));
            var device = Portal.Day.Company.App.CreateClient();
            device.DefaultRequestHeaders.Authorization = new("Bearer", _token);
            (await device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time, lat = at.Latitude, lon = at.Longitude } } })).EnsureSuccessStatusCode();
        }
    }
}
