using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>
/// Cross-site request forgery: another site's page makes the browser send a request that carries our sign-in cookie.
/// Every endpoint that could change something refuses it, and nothing changes; our own pages and clients without
/// cookies (phones, tracking apps) are not affected.
/// </summary>
public sealed partial class CrossSiteRequestTests
{
    private const string ForeignOrigin = "https://evil.example";
    private const string OwnOrigin = "http://localhost"; // the test server's address

    [Fact]
    public async Task EveryStateChangingEndpoint_RefusesAnotherSitesRequestCarryingTheSignInCookie()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var (_, contact, _, _) = await ChatScenario.CustomerWithJobAsync(company);
        var customerCookie = contact.DefaultRequestHeaders.GetValues("Cookie").Single();
        var client = app.CreateClient(new() { HandleCookies = false });
        var endpoints = StateChangingEndpoints(app);
        Assert.True(endpoints.Count >= 50, $"Only {endpoints.Count} state-changing endpoints found; the scan is broken.");

        var accepted = new List<string>();
        foreach (var (method, path, forCustomers, isHub) in endpoints)
        {
            var cookie = forCustomers ? customerCookie : company.Cookie;
            foreach (var (header, value) in CrossSiteSignals)
            {
                var response = await client.SendAsync(Request(method, path, cookie, header, value));
                if (!await IsRefusalAsync(response)) accepted.Add($"{method} {path} with {header}: {value} -> {(int)response.StatusCode}");
                if (!isHub) continue;
                // The WebSocket handshake of a hub is a GET, but it opens the hub as the signed-in user.
                var handshake = await client.SendAsync(WebSocketHandshake(path, cookie, header, value));
                if (!await IsRefusalAsync(handshake)) accepted.Add($"WebSocket {path} with {header}: {value} -> {(int)handshake.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Carried out despite coming from another site:\n" + string.Join("\n", accepted));
        await AssertDevicesAreNotAffectedAsync(app, company);
    }

    [Fact]
    public async Task CustomerChangesFromAnotherSite_ChangeNothing_WhileTheSameRequestsFromThePortalWork()
    {
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        var changes = PortalEndpointTable.All.Where(c => c.Guard != Guard.Anonymous && c.StateOfA is not null && !c.Key.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        Assert.Contains(changes, c => c.Key == "POST /api/v1/portal/jobs/{id}/photos");

        foreach (var row in changes)
        {
            // These read markers' changes do not show: A's own message is the newest, so A had nothing unread; and A's
            // notification was already marked read by the row before "mark all read".
            var showsChange = row.Key is not ("POST /api/v1/portal/conversations/{threadId}/read" or "POST /api/v1/portal/notifications/read");
            if (row.Guard == Guard.Payer)
            {
                // Paying needs Stripe (not set up here: 409) and the plan rows name no plan (404): A's own request is
                // answered by the endpoint itself, past the origin check, while another site's is refused before it.
                await AssertOnlyOwnOriginPassesAsync(row.Key, world.Owner, () => row.Request(world.Home), () => row.StateOfA!(world, world.Home));
                continue;
            }
            await AssertOnlyOwnOriginChangesAsync(row.Key, world.Owner, () => row.Request(world.Home), () => row.StateOfA!(world, world.Home), showsChange);
        }

        // The issue's case: cancelling with an empty body, which needs no JSON and so no CORS preflight.
        var cancel = $"/api/v1/portal/jobs/{world.Office.CancelJobId}/cancel";
        await AssertOnlyOwnOriginChangesAsync("empty-bodied cancel", world.Owner, () => new HttpRequestMessage(HttpMethod.Post, cancel),
            () => world.Owner.GetStringAsync($"/api/v1/portal/jobs/{world.Office.CancelJobId}"));
    }

    [Fact]
    public async Task TeamChangesFromAnotherSite_ChangeNothing_WhileTheSameRequestsFromTheDashboardWork()
    {
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        var thread = $"{ChatMessageMapping.TeamBase}/{world.Home.JobThread}/messages";
        var report = $"/api/v1/tickets/{world.Home.RescheduleJobId}/report";
        var day = world.Home.RescheduleTo.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var cases = new (string Name, Func<HttpRequestMessage> Request, Func<Task<string>> State)[]
        {
            ("team chat message (multipart)", () => new(HttpMethod.Post, thread) { Content = ChatScenario.Form("Reply from elsewhere", ("x.png", ChatScenario.Png(), "image/png")) },
                () => world.Dispatcher.GetStringAsync(thread)),
            ("report photo (multipart)", () => new(HttpMethod.Post, $"{report}/photos") { Content = DocumentScenario.PhotoForm(DocumentScenario.Png) }, () => world.Dispatcher.GetStringAsync(report)),
            ("optimize", () => new(HttpMethod.Post, "/api/v1/dispatch/optimize") { Content = JsonContent.Create(new { day, budgetSeconds = 1 }) },
                () => world.Dispatcher.GetStringAsync($"/api/v1/dispatch/board?day={day}")),
        };

        foreach (var (name, request, state) in cases) await AssertOnlyOwnOriginChangesAsync(name, world.Dispatcher, request, state);

        // The live map's SignalR negotiation is a POST from our own page.
        var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/live-map/negotiate?negotiateVersion=1");
        await AssertAcceptedFromOwnOriginAsync("live map negotiate", world.Dispatcher, negotiate);
    }

    private static readonly (string Header, string Value)[] CrossSiteSignals =
    [
        ("Origin", ForeignOrigin),
        ("Origin", "null"), // a sandboxed frame
        ("Sec-Fetch-Site", "cross-site"),
        ("Sec-Fetch-Site", "same-site"), // a sibling subdomain is another site's code too
    ];

    /// <summary>Every route that takes a method other than GET, HEAD or OPTIONS, with placeholders for its parameters; customer routes by their policy.</summary>
    private static List<(string Method, string Path, bool ForCustomers, bool IsHub)> StateChangingEndpoints(PortalFactory app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["POST"])
                .Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                .Select(m => (
                    Method: m,
                    Path: RouteParameter().Replace(e.RoutePattern.RawText ?? "/", "0123456789abcdef0123456789abcdef"),
                    ForCustomers: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == PortalClaims.CustomerPolicy),
                    IsHub: e.RoutePattern.RawText?.StartsWith("/hubs/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.EndsWith("/negotiate", StringComparison.Ordinal))))
            .Distinct()];

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    private static HttpRequestMessage Request(string method, string path, string cookie, string header, string value)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add(header, value);
        return request;
    }

    private static HttpRequestMessage WebSocketHandshake(string path, string cookie, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add(header, value);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        return request;
    }

    private static async Task<bool> IsRefusalAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        && (await response.Content.ReadAsStringAsync()).Contains("Cross-site request refused.", StringComparison.Ordinal);

    /// <summary>
    /// Another site's request through <paramref name="signedIn"/> (which carries the cookie) is refused with 403
    /// ProblemDetails and the state it would change is as before; the same request from our own page succeeds and does
    /// change it, so the refusal is about where it came from, and the state read would have noticed a change.
    /// </summary>
    private static async Task AssertOnlyOwnOriginChangesAsync(
        string name, HttpClient signedIn, Func<HttpRequestMessage> request, Func<Task<string>> state, bool stateShowsTheChange = true)
    {
        var before = await AssertForgedChangesNothingAsync(name, signedIn, request, state);
        await AssertAcceptedFromOwnOriginAsync(name, signedIn, request());
        if (stateShowsTheChange) Assert.True(before != await state(), $"{name} from our own page changed nothing the test reads.");
    }

    /// <summary>Another site's request is refused; the same from our own page reaches the endpoint, whose own answer may be a 404 or 409.</summary>
    private static async Task AssertOnlyOwnOriginPassesAsync(string name, HttpClient signedIn, Func<HttpRequestMessage> request, Func<Task<string>> state)
    {
        await AssertForgedChangesNothingAsync(name, signedIn, request, state);
        var answer = await SendFromOwnOriginAsync(signedIn, request());
        Assert.False(await IsRefusalAsync(answer), $"{name} from our own page was refused as cross-site.");
        Assert.True((int)answer.StatusCode is 404 or 409 or < 300, $"{name} from our own page: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>Sends the request as another site would, asserts the refusal and that the state is unchanged; returns that state.</summary>
    private static async Task<string> AssertForgedChangesNothingAsync(string name, HttpClient signedIn, Func<HttpRequestMessage> request, Func<Task<string>> state)
    {
        var before = await state();
        var forged = request();
        forged.Headers.Add("Origin", ForeignOrigin);
        var response = await signedIn.SendAsync(forged);
        Assert.True(await IsRefusalAsync(response), $"{name} from another site: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await state());
        return before;
    }

    private static Task<HttpResponseMessage> SendFromOwnOriginAsync(HttpClient signedIn, HttpRequestMessage request)
    {
        request.Headers.Add("Origin", OwnOrigin);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return signedIn.SendAsync(request);
    }

    private static async Task AssertAcceptedFromOwnOriginAsync(string name, HttpClient signedIn, HttpRequestMessage request)
    {
        var response = await SendFromOwnOriginAsync(signedIn, request);
        Assert.True(response.IsSuccessStatusCode, $"{name} from our own page: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Phones and tracking apps carry a bearer token, not a cookie: what Origin they send (if any) does not matter.</summary>
    private static async Task AssertDevicesAreNotAffectedAsync(PortalFactory app, TenantScenario company)
    {
        var technician = await company.AddTechnicianAsync();
        var device = DocumentScenario.DeviceClient(app, (await company.IssueTokenAsync(technician.Id)).Token);
        var ping = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pings")
        {
            Content = JsonContent.Create(new { pings = new[] { new { time = DateTimeOffset.UtcNow.AddSeconds(-5), lat = 41.15, lon = -8.61 } } }),
        };
        ping.Headers.Add("Origin", ForeignOrigin);
        var response = await device.SendAsync(ping);
        Assert.True(response.IsSuccessStatusCode, $"A device's ping with a foreign Origin: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
