using System.Net.Http.Json;
using OrleansPortal.Web.Notifications.TrackingLinks;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>The tracking-link calls: the team's (with a dispatcher's client) and the link holder's (no cookie).</summary>
public sealed class TrackingLinks(PortalFactory app, HttpClient dispatcher)
{
    public Task<HttpResponseMessage> IssueAsync(string ticketId) => dispatcher.PostAsync($"/api/v1/dispatch/tickets/{ticketId}/tracking-links", null);

    /// <summary>Issues a link and answers its token, the last segment of its URL.</summary>
    public async Task<string> TokenForAsync(string ticketId)
    {
        var issued = await IssueAsync(ticketId);
        issued.EnsureSuccessStatusCode();
        var link = (await issued.Content.ReadFromJsonAsync<TrackingLinkDto>(ApiJson.Options))!;
        return new Uri(link.Url).Segments[^1];
    }

    public Task<HttpResponseMessage> RevokeAsync(string ticketId) => dispatcher.DeleteAsync($"/api/v1/dispatch/tickets/{ticketId}/tracking-links");

    public Task<HttpResponseMessage> ReadAsync(string token) => app.CreateClient().GetAsync($"/api/v1/track/{token}");

    public async Task<TrackedVisitDto> VisitAsync(string token)
    {
        var response = await ReadAsync(token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TrackedVisitDto>(ApiJson.Options))!;
    }
}
