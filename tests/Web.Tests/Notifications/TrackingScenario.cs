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

    private TrackingLinks Links { get; } = new(app, s.Dispatcher);

    public Task<HttpResponseMessage> IssueAsync(string ticketId) => Links.IssueAsync(ticketId);

    public Task<string> TokenForAsync(string ticketId) => Links.TokenForAsync(ticketId);

    public Task<HttpResponseMessage> RevokeAsync(string ticketId) => Links.RevokeAsync(ticketId);

    public Task<HttpResponseMessage> ReadAsync(string token) => Links.ReadAsync(token);

    public Task<TrackedVisitDto> VisitAsync(string token) => Links.VisitAsync(token);

    public async Task MoveAsync(string ticketId, string status) =>
        (await s.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status })).EnsureSuccessStatusCode();

    public async Task PingAsync(double lat, double lon, DateTimeOffset? at = null) =>
        (await s.Device.PostAsJsonAsync("/api/v1/pings", new { pings = new[] { new { time = at ?? DateTimeOffset.UtcNow, lat, lon } } })).EnsureSuccessStatusCode();
}
