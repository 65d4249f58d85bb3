using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal.Jobs;

namespace OrleansPortal.Web.Portal.Appointments;

/// <summary>
/// The customer's live appointment. A connection follows a job only after <see cref="PortalAccess"/> says this
/// contact may see it; the group name carries the tenant and the ticket, and nothing else joins a connection to it.
/// </summary>
[Authorize(Policy = PortalClaims.CustomerPolicy)]
public sealed class AppointmentHub(IClusterClient grains, AppointmentFeed feed, DomainClock clock) : Hub<IAppointmentClient>
{
    public const string Path = "/hubs/appointments";

    /// <summary>
    /// Starts following a job; answers its current state. Another customer's job, or an unknown id, is "not found". Waits
    /// out a node's failure (<see cref="FailoverRetry"/>): the page calls it again right after reconnecting to a survivor.
    /// </summary>
    public Task<PortalJobDto> Watch(string ticketId) => FailoverRetry.RunAsync(() => WatchAsync(ticketId), Context.ConnectionAborted);

    private async Task<PortalJobDto> WatchAsync(string ticketId)
    {
        var user = Context.User!;
        if (await PortalAccess.VisibleJobAsync(grains, user, ticketId) is not { } job) throw new HubException("Not found.");
        // Join first, then start the feed and read the state, so no change falls between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, PortalAppointmentAudience.GroupFor(job.TenantId, job.TicketId));
        await feed.WatchAsync(job.TenantId, job.TicketId);
        var rules = await grains.GetGrain<Grains.Dispatch.IDispatchGrain>(job.TenantId).GetBookingRulesAsync();
        var current = await PortalJobMapping.ToDtoAsync(job, grains, rules, clock.GetUtcNow());
        if (await feed.CurrentPositionAsync(job) is { } position) await Clients.Caller.TechnicianPosition(position);
        return current;
    }

    public Task Unwatch(string ticketId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, PortalAppointmentAudience.GroupFor(Context.User!.GetTenantId(), ticketId));
}
