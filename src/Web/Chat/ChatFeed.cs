using Microsoft.AspNetCore.SignalR;
using Orleans;
using Orleans.Streams;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Chat;

/// <summary>
/// The one adapter between the grains' conversation streams and the chat hubs (grains never see SignalR). Per tenant
/// it subscribes once to "conversations/{tenant}" and sends each new message to the thread's team group and the team's
/// inbox, and, only when it is not an internal note, to the thread's customer group: this is the single place that
/// decides what reaches customers live.
/// </summary>
public sealed class ChatFeed(
    IClusterClient client,
    IHubContext<PortalChatHub, IChatClient> customers,
    IHubContext<TeamChatHub, IChatClient> team) : IStreamFeed
{
    private readonly SubscriptionCache<string, StreamSubscriptionHandle<ConversationMessagePosted>> _subscriptions = new();

    /// <summary>Starts forwarding the tenant's messages (once; later calls return at once).</summary>
    public Task WatchAsync(string tenantId) => _subscriptions.GetOrSubscribeAsync(tenantId, id =>
        client.GetStreamProvider(ConversationStreams.ProviderName).GetStream<ConversationMessagePosted>(ConversationStreams.ForTenant(id))
            .SubscribeAsync((posted, _) => ForwardAsync(posted)));

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
    }
}
