using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications.Tracking;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Portal.Appointments;

namespace OrleansPortal.Web.Notifications.TrackingLinks;

/// <summary>
/// The tracking page, live. The link's token is the only credential: a connection follows one link, and only after the
/// link grain says it is valid. An unknown, revoked or expired token gets the same "Not found.".
/// </summary>
[AllowAnonymous]
public sealed class TrackingHub(IClusterClient grains, AppointmentFeed feed, TrackingAudience audience, DomainClock clock) : Hub<ITrackingClient>
{
    public const string Path = "/hubs/track";

    private const string FollowedLink = "tracking-link";

    /// <summary>Starts following the link's visit; answers its current state (position included only while en route).</summary>
    public Task<TrackedVisitDto> Watch(string token) => FailoverRetry.RunAsync(() => WatchAsync(token), Context.ConnectionAborted);

    private async Task<TrackedVisitDto> WatchAsync(string token)
    {
        var hash = SecretToken.Hash(token);
        // One link per connection, so a connection is no cheap way to try many tokens.
        if (Context.Items.TryGetValue(FollowedLink, out var followed) && !Equals(followed, hash)) throw new HubException("Not found.");
        if (await grains.GetGrain<ITrackingLinkGrain>(hash).ResolveAsync() is not { } grant) throw new HubException("Not found.");
        Context.Items[FollowedLink] = hash;
        // Join first, then start the feed and read the state, so no change falls between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, TrackingAudience.GroupFor(hash));
        audience.Follow(grant, hash);
        await feed.WatchAsync(grant.TenantId, grant.TicketId);
        var ticket = await grains.GetGrain<ITicketGrain>(TenantKeys.For(grant.TenantId, grant.TicketId)).GetAsync();
        return await TrackedVisitDto.LoadAsync(grains, feed, ticket, clock.GetUtcNow());
    }
}
