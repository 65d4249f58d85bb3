using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Orleans;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Conversations.Presence;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// Live chat for the company's team (dispatcher cookie only). Every connection is in its own company's inbox group
/// (activity in any thread); joining a thread adds its team group: messages and internal notes. Each connection
/// reports its member's chat status, which customers see as the team's availability.
/// </summary>
[Authorize(Policy = PortalClaims.DispatcherPolicy)]
public sealed class TeamChatHub(IClusterClient grains, ChatFeed feed) : ChatHub(feed)
{
    public const string Path = "/hubs/chat-team";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.TeamInbox(Context.User!.GetTenantId()));
        await base.OnConnectedAsync();
    }

    protected override AuthorKind Side => AuthorKind.Team;

    /// <summary>
    /// The caller's chat status ("Online" or "Away") for this connection: sent when the page connects, when the member
    /// changes it, and every minute (<see cref="IChatPresenceGrain"/> forgets a connection that stops reporting).
    /// </summary>
    public Task SetPresence(string status)
    {
        if (!EnumName.TryParse<AgentStatus>(status, out var parsed)) throw new HubException("The status is Online, Away or Offline.");
        var user = Context.User!;
        return grains.GetGrain<IChatPresenceGrain>(user.GetTenantId()).ReportAsync(Context.ConnectionId, user.GetEmail(), user.Identity?.Name ?? user.GetEmail(), parsed);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await grains.GetGrain<IChatPresenceGrain>(Context.User!.GetTenantId()).DisconnectAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    protected override Task<ConversationAddress?> AccessAsync(string threadId) => ChatAccess.ForTeamAsync(grains, Context.User!, threadId);

    protected override string GroupFor(string conversationKey) => ChatGroups.Team(conversationKey);
}
