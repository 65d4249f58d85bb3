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

    /// <summary>
    /// Who is typing in which thread, per tenant ("chat-typing/{tenant}"): published by the web nodes' chat hubs and
    /// forwarded by each node's adapter, so a customer on one node sees the team typing on another. Nothing is stored.
    /// </summary>
    public const string TypingNamespace = "chat-typing";

    public static StreamId TypingFor(string tenantId) => StreamId.Create(TypingNamespace, tenantId);
}

/// <summary>Someone is typing in a thread: a customer contact, or someone of the team (whose name the customer then sees).</summary>
[Orleans.GenerateSerializer, Orleans.Immutable, Orleans.Alias("op.ConversationTyping")]
public sealed record ConversationTyping(string ConversationKey, AuthorKind Side, string DisplayName);
