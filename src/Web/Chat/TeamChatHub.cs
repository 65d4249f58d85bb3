using Microsoft.AspNetCore.Authorization;
using Orleans;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// Live chat for the company's team (dispatcher cookie only). Every connection is in its own company's inbox group
/// (activity in any thread); joining a thread adds its team group: messages and internal notes.
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

    protected override Task<ConversationAddress?> AccessAsync(string threadId) => ChatAccess.ForTeamAsync(grains, Context.User!, threadId);

    protected override string GroupFor(string conversationKey) => ChatGroups.Team(conversationKey);
}
