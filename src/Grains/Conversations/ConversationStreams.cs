using Orleans.Runtime;

namespace OrleansPortal.Grains.Conversations;

/// <summary>
/// Where new messages are published: one stream per tenant ("conversations/{tenant}"), carrying every thread's
/// messages, internal notes included. Per tenant rather than per thread so the web adapter holds one subscription per
/// company (as the live map does) instead of one per open thread it would have to count and release; the adapter
/// decides, per message, which SignalR groups may receive it.
/// </summary>
public static class ConversationStreams
{
    public const string ProviderName = "StreamProvider";
    public const string Namespace = "conversations";

    public static StreamId ForTenant(string tenantId) => StreamId.Create(Namespace, tenantId);
}
