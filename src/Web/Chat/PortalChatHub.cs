using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Orleans;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// Live chat for customer contacts (customer cookie only). A connection receives nothing until it joins a thread, and
/// <see cref="Join"/> lets it in only under the portal's rules (<see cref="ChatAccess"/>), into the thread's customer
/// group, which never receives internal notes. Customers and the team have separate hubs because one policy accepting
/// both cookies would merge a browser's two identities into one principal.
/// </summary>
[Authorize(Policy = PortalClaims.CustomerPolicy)]
public sealed class PortalChatHub(IClusterClient grains, ChatFeed feed) : Hub<IChatClient>
{
    public const string Path = "/hubs/chat";

    public override async Task OnConnectedAsync()
    {
        await feed.WatchAsync(Context.User!.GetTenantId());
        await base.OnConnectedAsync();
    }

    /// <summary>Joins a thread by its id ("customer:{id}" or "job:{id}"); a thread this contact may not open is an error, and nothing is joined.</summary>
    public async Task Join(string threadId)
    {
        var address = await ChatAccess.ForCustomerAsync(grains, Context.User!, threadId) ?? throw new HubException("No such conversation.");
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.Customers(address.Key));
    }

    public async Task Leave(string threadId)
    {
        // Only the caller's own tenant's group can be named, and leaving needs no permission.
        if (Grains.Conversations.ConversationKey.TryParseThreadId(threadId, out _, out _))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroups.Customers(Grains.TenantKeys.For(Context.User!.GetTenantId(), threadId)));
    }
}
