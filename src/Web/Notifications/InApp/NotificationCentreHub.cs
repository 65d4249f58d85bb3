using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Notifications.InApp;

/// <summary>
/// The signed-in contact's notification centre, live. A connection joins only its own contact's group, named from the
/// session's claims: there is nothing to ask for, so nothing another customer's id could reach.
/// </summary>
[Authorize(Policy = PortalClaims.CustomerPolicy)]
public sealed class NotificationCentreHub(NotificationCentreFeed feed) : Hub<INotificationCentreClient>
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        await Groups.AddToGroupAsync(Context.ConnectionId, NotificationCentreFeed.GroupFor(user.GetTenantId(), user.GetCustomerId(), user.GetContactId()));
        await feed.WatchAsync(user.GetTenantId());
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Answers once this connection is in its group and the feed watches the company: SignalR runs a connection's calls
    /// only after <see cref="OnConnectedAsync"/>, while the client's start resolves at the handshake, before it. The
    /// page reads its list after this answer, so a message is either in that list or arrives live, never neither.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "SignalR calls instance methods only.")]
    public Task Listening() => Task.CompletedTask;
}
