using Microsoft.AspNetCore.SignalR;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// What both chat hubs do: a connection receives a thread's messages only after <see cref="Join"/> found, with the
/// side's own access rule, that the caller may open it; the tenant always comes from the caller's claim. Connecting and
/// joining wait out a node's failure (<see cref="FailoverRetry"/>): pages do both right after reconnecting to a survivor.
/// </summary>
public abstract class ChatHub(ChatFeed feed) : Hub<IChatClient>
{
    /// <summary>The side this hub's callers write as.</summary>
    protected abstract AuthorKind Side { get; }

    /// <summary>The thread, or null when this caller may not open it (the same rule as the side's API).</summary>
    protected abstract Task<ConversationAddress?> AccessAsync(string threadId);

    /// <summary>The side's SignalR group of a conversation.</summary>
    protected abstract string GroupFor(string conversationKey);

    public override async Task OnConnectedAsync()
    {
        await FailoverRetry.RunAsync(() => feed.WatchAsync(Context.User!.GetTenantId()), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    /// <summary>Joins a thread by its id ("customer:{id}" or "job:{id}"); one the caller may not open is an error, and nothing is joined.</summary>
    public async Task Join(string threadId)
    {
        var address = await FailoverRetry.RunAsync(() => AccessAsync(threadId), Context.ConnectionAborted) ?? throw new HubException("No such conversation.");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(address.Key));
    }

    /// <summary>
    /// Tells the other side that the caller is typing in a thread they may open (clients send it at most every few
    /// seconds while the text changes); a thread the caller may not open is an error, and nobody is told.
    /// </summary>
    public async Task Typing(string threadId)
    {
        var address = await AccessAsync(threadId) ?? throw new HubException("No such conversation.");
        await feed.PublishTypingAsync(new ConversationTyping(address.Key, Side, Context.User!.Identity?.Name ?? ""));
    }

    /// <summary>Stops receiving the thread. Needs no permission: only groups of the caller's own tenant can be named.</summary>
    public async Task Leave(string threadId)
    {
        if (ConversationKey.TryParseThreadId(threadId, out _, out _))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(TenantKeys.For(Context.User!.GetTenantId(), threadId)));
    }
}
