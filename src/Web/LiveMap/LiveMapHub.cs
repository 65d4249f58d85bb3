using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using OrleansPortal.Web.Dispatch;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Technicians;

namespace OrleansPortal.Web.LiveMap;

/// <summary>
/// The dispatchers' live map. A connection joins only its own tenant's group (from the auth cookie's tenant claim;
/// the client names nothing), gets a snapshot of every technician, then the feed's batched deltas. A connection that
/// arrives while a node of the cluster has just died (a dashboard failing over) waits for the snapshot until the cluster
/// has recovered (<see cref="FailoverRetry"/>) rather than failing, which would end it for good.
/// </summary>
[Authorize(Policy = PortalClaims.DispatcherPolicy)]
public sealed class LiveMapHub(LiveMapFeed feed, DispatchBoardFeed board, TechnicianDirectory directory) : Hub<ILiveMapClient>
{
    public const string Path = "/hubs/live-map";

    /// <summary>
    /// A whole fleet's positions (about 2 MB of JSON for 10,000 technicians) may be written at once. With SignalR's
    /// default of 64 KB before backpressure, such a send trickles out in dozens of waits, each a turn in a thread pool
    /// that pings keep busy, and positions age by seconds on the way; buffered, it goes out in a few writes.
    /// </summary>
    public static void ConfigureConnection(HttpConnectionDispatcherOptions options) => options.TransportMaxBufferSize = 1024 * 1024;

    public override async Task OnConnectedAsync()
    {
        var tenantId = Context.User!.GetTenantId();
        // Join and start watching positions before reading the snapshot, so no change falls between the two. The board's
        // feed has nothing in the snapshot, so it subscribes meanwhile (on a cold node each subscription is a round trip
        // to storage), but before the snapshot goes out: from then on the page counts on both.
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveMapFeed.GroupFor(tenantId));
        var technicians = await FailoverRetry.RunAsync(async () =>
        {
            var watchingBoard = board.WatchAsync(tenantId);
            try
            {
                await feed.WatchAsync(tenantId);
                return await directory.LiveSnapshotAsync(tenantId, Context.ConnectionAborted);
            }
            finally
            {
                await watchingBoard; // a failure here is retried like the others
            }
        }, Context.ConnectionAborted);
        await Clients.Caller.Snapshot([.. technicians.Select(t => t.AsLiveDto())]);
        await base.OnConnectedAsync();
    }
}
