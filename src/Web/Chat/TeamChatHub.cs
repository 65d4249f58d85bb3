using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Orleans;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// Live chat for the company's team (dispatcher cookie only). Every connection is in its own company's inbox group
/// (activity in any thread); <see cref="Join"/> adds the thread's team group, messages and internal notes, for threads
/// of the caller's own company only.
/// </summary>
[Authorize(Policy = PortalClaims.DispatcherPolicy)]
public sealed class TeamChatHub(IClusterClient grains, ChatFeed feed) : Hub<IChatClient>
{
    public const string Path = "/hubs/chat-team";

    public override async Task OnConnectedAsync()
    {
        var tenantId = Context.User!.GetTenantId();
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.TeamInbox(tenantId));
        await feed.WatchAsync(tenantId);
        await base.OnConnectedAsync();
    }

    /// <summary>Joins a thread of the caller's company by its id; any other thread is an error, and nothing is joined.</summary>
    public async Task Join(string threadId)
    {
        var address = await ChatAccess.ForTeamAsync(grains, Context.User!, threadId) ?? throw new HubException("No such conversation.");
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.Team(address.Key));
    }

    public async Task Leave(string threadId)
    {
        if (Grains.Conversations.ConversationKey.TryParseThreadId(threadId, out _, out _))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroups.Team(Grains.TenantKeys.For(Context.User!.GetTenantId(), threadId)));
    }
}
