using Microsoft.AspNetCore.SignalR;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// The one adapter between the grains' conversation streams and the chat hubs (grains never see SignalR). Per tenant
/// it subscribes once to "conversations/{tenant}" (and "chat-typing/{tenant}") and sends each new message to the thread's team group and the team's
/// inbox, and, only when it is not an internal note, to the thread's customer group: this is the single place that
/// decides what reaches customers live.
/// </summary>
public sealed class ChatFeed(
    IClusterClient client,
    IHubContext<PortalChatHub, IChatClient> customers,
    IHubContext<TeamChatHub, IChatClient> team) : IStreamFeed
{
    private readonly SubscriptionCache<string, StreamSubscriptionHandle<ConversationMessagePosted>> _subscriptions = new();
    private readonly SubscriptionCache<string, StreamSubscriptionHandle<ConversationTyping>> _typing = new();

    /// <summary>Starts forwarding the tenant's messages and typing signals (once; later calls return at once).</summary>
    public async Task WatchAsync(string tenantId)
    {
        await _subscriptions.GetOrSubscribeAsync(tenantId, id =>
            client.GetStreamProvider(ConversationStreams.ProviderName).GetStream<ConversationMessagePosted>(ConversationStreams.ForTenant(id))
                .SubscribeAsync((posted, _) => ForwardAsync(posted)));
        await _typing.GetOrSubscribeAsync(tenantId, id =>
            client.GetStreamProvider(ConversationStreams.ProviderName).GetStream<ConversationTyping>(ConversationStreams.TypingFor(id))
                .SubscribeAsync((typing, _) => ForwardTypingAsync(typing)));
    }

    /// <summary>Publishes a typing signal to every node (each forwards it to its own connections).</summary>
    public Task PublishTypingAsync(ConversationTyping typing)
    {
        ArgumentNullException.ThrowIfNull(typing);
        var tenantId = ConversationKey.Parse(typing.ConversationKey).TenantId;
        return client.GetStreamProvider(ConversationStreams.ProviderName).GetStream<ConversationTyping>(ConversationStreams.TypingFor(tenantId)).OnNextAsync(typing);
    }

    /// <summary>A customer typing is shown to the team; someone of the team typing is shown to the customers.</summary>
    private Task ForwardTypingAsync(ConversationTyping typing)
    {
        var address = ConversationKey.Parse(typing.ConversationKey);
        var dto = new TypingDto(address.ThreadId, typing.DisplayName);
        return typing.Side == AuthorKind.Customer
            ? team.Clients.Group(ChatGroups.Team(address.Key)).Typing(dto)
            : customers.Clients.Group(ChatGroups.Customers(address.Key)).Typing(dto);
    }

    private async Task ForwardAsync(ConversationMessagePosted posted)
    {
        var address = ConversationKey.Parse(posted.ConversationKey);
        var message = posted.Message;
        await team.Clients.Group(ChatGroups.Team(address.Key)).Message(message.AsDto(address.ThreadId, ChatAudience.Team));
        await team.Clients.Group(ChatGroups.TeamInbox(address.TenantId)).ThreadActivity(new ThreadActivityDto(address.ThreadId, posted.CustomerId, message.SentAt));
        if (!message.Internal)
            await customers.Clients.Group(ChatGroups.Customers(address.Key)).Message(message.AsDto(address.ThreadId, ChatAudience.Customer));
    }

    public async Task UnsubscribeAllAsync()
    {
        foreach (var subscription in await _subscriptions.AllAsync()) await subscription.UnsubscribeAsync();
        foreach (var subscription in await _typing.AllAsync()) await subscription.UnsubscribeAsync();
    }
}
