using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications.Tracking;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Portal.Appointments;
using OrleansPortal.Web.Portal.Jobs;

namespace OrleansPortal.Web.Notifications.TrackingLinks;

/// <summary>
/// The tracking pages connected to this node, one SignalR group per link. What <see cref="AppointmentFeed"/> sends about
/// a ticket goes to the groups of that ticket's links that are still valid; each link is asked again at most every
/// <see cref="RecheckEvery"/>, so a link revoked or expired while a page is open stops it within that time on every node,
/// without a message between nodes.
/// </summary>
public sealed class TrackingAudience(IHubContext<TrackingHub, ITrackingClient> hub, IClusterClient grains, DomainClock clock) : IAppointmentAudience
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(30);

    // Per ticket: the hashes of the links followed here, each with when it must be asked again.
    private readonly ConcurrentDictionary<(string Tenant, string Ticket), ConcurrentDictionary<string, DateTimeOffset>> _links = new();

    public static string GroupFor(string linkHash) => $"track:{linkHash}";

    /// <summary>Starts sending this ticket's news to the link's group; the caller has just resolved the link.</summary>
    public void Follow(TrackingLinkGrant grant, string linkHash) =>
        _links.GetOrAdd((grant.TenantId, grant.TicketId), _ => new())[linkHash] = clock.GetUtcNow() + RecheckEvery;

    public async Task StatusAsync(TicketSnapshot ticket, PortalJobDto job)
    {
        if (await LiveGroupsAsync(ticket.TenantId, ticket.TicketId) is not { Count: > 0 } groups) return;
        await hub.Clients.Groups(groups).Status(await TrackedVisitDto.FromJobAsync(grains, ticket.TenantId, job, position: null));
    }

    public async Task EtaAsync(string tenantId, AppointmentEtaDto eta)
    {
        if (await LiveGroupsAsync(tenantId, eta.TicketId) is { Count: > 0 } groups) await hub.Clients.Groups(groups).Eta(eta);
    }

    public async Task PositionAsync(string tenantId, AppointmentPositionDto position)
    {
        if (await LiveGroupsAsync(tenantId, position.TicketId) is { Count: > 0 } groups) await hub.Clients.Groups(groups).TechnicianPosition(position);
    }

    public async Task HiddenAsync(string tenantId, string ticketId)
    {
        if (await LiveGroupsAsync(tenantId, ticketId) is { Count: > 0 } groups) await hub.Clients.Groups(groups).TechnicianHidden(ticketId);
    }

    private async Task<IReadOnlyList<string>> LiveGroupsAsync(string tenantId, string ticketId)
    {
        if (!_links.TryGetValue((tenantId, ticketId), out var links)) return [];
        var now = clock.GetUtcNow();
        var live = new List<string>(links.Count);
        foreach (var (hash, checkAt) in links)
        {
            if (now >= checkAt)
            {
                if (await grains.GetGrain<ITrackingLinkGrain>(hash).ResolveAsync() is null)
                {
                    links.TryRemove(hash, out _);
                    await hub.Clients.Group(GroupFor(hash)).LinkEnded();
                    continue;
                }
                links[hash] = now + RecheckEvery;
            }
            live.Add(GroupFor(hash));
        }
        return live;
    }
}
