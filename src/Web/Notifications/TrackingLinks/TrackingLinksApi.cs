using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications.Tracking;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Portal.Appointments;

namespace OrleansPortal.Web.Notifications.TrackingLinks;

/// <summary>
/// Tracking links: the team issues and revokes them per ticket; anyone holding one reads the visit it shows. An unknown,
/// revoked or expired token is the same 404, after the same work (a grain lookup by the token's hash), so the answer
/// tells nothing about which it was.
/// </summary>
public static class TrackingLinksApi
{
    public const string RateLimit = "tracking-links";

    public static RouteGroupBuilder MapTrackingLinksApi(this IEndpointRouteBuilder endpoints)
    {
        var anonymous = endpoints.MapGroup("/api/v1/track").WithTags("Tracking links").AllowAnonymous().RequireRateLimiting(RateLimit);
        anonymous.MapGet("/{token}", GetAsync).WithSummary("The visit a tracking link shows: status, window, live ETA, technician's first name and photo, and the position only while en route. 404 for an unknown, revoked or expired link.");

        var team = endpoints.MapGroup("/api/v1/dispatch/tickets/{ticketId}/tracking-links").WithTags("Tracking links").RequireAuthorization(PortalClaims.DispatcherPolicy);
        team.MapPost("", IssueAsync).WithSummary("Issues a tracking link for the ticket; its URL is in this answer only. 409 once the visit is over.");
        team.MapDelete("", RevokeAsync).WithSummary("Revokes every tracking link of the ticket (open pages stop within 30 seconds).");
        return team;
    }

    private static async Task<Results<Ok<TrackedVisitDto>, ProblemHttpResult>> GetAsync(string token, IClusterClient grains, AppointmentFeed feed, DomainClock clock)
    {
        if (await grains.GetGrain<ITrackingLinkGrain>(SecretToken.Hash(token)).ResolveAsync() is not { } grant) return Unknown();
        var ticket = await grains.GetGrain<ITicketGrain>(TenantKeys.For(grant.TenantId, grant.TicketId)).GetAsync();
        return TypedResults.Ok(await TrackedVisitDto.LoadAsync(grains, feed, ticket, clock.GetUtcNow()));
    }

    private static async Task<Results<Created<TrackingLinkDto>, NotFound>> IssueAsync(string ticketId, ClaimsPrincipal user, IClusterClient grains, IOptions<PortalOptions> options)
    {
        if (!ResourceId.IsValid(ticketId)) return TypedResults.NotFound();
        var issued = await grains.GetGrain<ITicketTrackingLinksGrain>(TenantKeys.For(user.GetTenantId(), ticketId)).IssueAsync();
        return TypedResults.Created((string?)null, new TrackingLinkDto(UrlFor(options.Value.PublicBaseUrl, issued.Token), issued.ExpiresAt));
    }

    private static async Task<Results<Ok<RevokedTrackingLinksDto>, NotFound>> RevokeAsync(string ticketId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(ticketId)) return TypedResults.NotFound();
        await grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), ticketId)).GetAsync(); // another tenant's or no ticket: 404
        var revoked = await grains.GetGrain<ITicketTrackingLinksGrain>(TenantKeys.For(user.GetTenantId(), ticketId)).RevokeAllAsync();
        return TypedResults.Ok(new RevokedTrackingLinksDto(revoked));
    }

    /// <summary>The page a token opens, under the configured public address (never the request's Host).</summary>
    public static string UrlFor(string publicBaseUrl, string token) => $"{publicBaseUrl.TrimEnd('/')}/track/{token}";

    private static ProblemHttpResult Unknown() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "This tracking link is unknown or no longer valid.");
}

/// <summary>A tracking link as issued: the only time its URL is shown.</summary>
public sealed record TrackingLinkDto(string Url, DateTimeOffset ExpiresAt);

public sealed record RevokedTrackingLinksDto(int Revoked);
