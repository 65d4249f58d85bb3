using System.Net.Http.Json;
using OrleansPortal.Web.Notifications.TrackingLinks;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>A company with a technician (and their phone), a customer's assigned job, and the team's tracking-link calls.</summary>
public sealed class TrackingScenario(PortalFactory app, DocumentScenario s)
{
    public DocumentScenario Company => s;

    public static async Task<TrackingScenario> CreateAsync(PortalFactory app) => new(app, await DocumentScenario.CreateAsync(app));

    public Task<string> AddJobAsync() => s.AddAssignedJobAsync();

    public Task<HttpResponseMessage> IssueAsync(string ticketId) => s.Dispatcher.PostAsync($"/api/v1/dispatch/tickets/{ticketId}/tracking-links", null);

    /// <summary>Issues a link and answers its token, the last segment of its URL.</summary>
    public async Task<string> TokenForAsync(string ticketId)
    {
        var issued = await IssueAsync(ticketId);
        issued.EnsureSuccessStatusCode();
        var link = (await issued.Content.ReadFromJsonAsync<TrackingLinkDto>(ApiJson.Options))!;
        return new Uri(link.Url).Segments[^1];
    }

    public Task<HttpResponseMessage> RevokeAsync(string ticketId) => s.Dispatcher.DeleteAsync($"/api/v1/dispatch/tickets/{ticketId}/tracking-links");

    /// <summary>What anyone holding the link gets (no cookie).</summary>
    public Task<HttpResponseMessage> ReadAsync(string token) => app.CreateClient().GetAsync($"/api/v1/track/{token}");

    public async Task<TrackedVisitDto> VisitAsync(string token)
    {
        var response = await ReadAsync(token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TrackedVisitDto>(ApiJson.Options))!;
    }

    public async Task MoveAsync(string ticketId, string status) =>
        (await s.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status })).EnsureSuccessStatusCode();

    public async Task PingAsync(double lat, double lon, DateTimeOffset? at = null) =>
        (await s.Device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = at ?? DateTimeOffset.UtcNow, lat, lon } } })).EnsureSuccessStatusCode();
}
