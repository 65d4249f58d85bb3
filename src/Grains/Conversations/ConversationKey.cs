using Orleans;

namespace OrleansPortal.Grains.Conversations;

/// <summary>
/// The one place conversation keys are built and read. A conversation is either a job's thread,
/// "{tenant}:job:{ticketId}", or a customer's general thread, "{tenant}:customer:{customerId}". Clients name a thread
/// by the part after the tenant ("job:{ticketId}", "customer:{customerId}"), its thread id; the tenant is always
/// added from the caller's own claim.
/// </summary>
public static class ConversationKey
{
    public const string JobKind = "job";
    public const string CustomerKind = "customer";

    public static string ForJob(string tenantId, string ticketId) => TenantKeys.For(tenantId, ThreadIdForJob(ticketId));

    public static string ForCustomer(string tenantId, string customerId) => TenantKeys.For(tenantId, ThreadIdForCustomer(customerId));

    public static string ThreadIdForJob(string ticketId) => $"{JobKind}:{ticketId}";

    public static string ThreadIdForCustomer(string customerId) => $"{CustomerKind}:{customerId}";

    /// <summary>Splits a full key; throws <see cref="ArgumentException"/> for anything that is not a conversation key.</summary>
    public static ConversationAddress Parse(string key)
    {
        var (tenantId, threadId) = TenantKeys.Split(key);
        return TryParseThreadId(threadId, out var kind, out var localId)
            ? new ConversationAddress(tenantId, kind, localId)
            : throw new ArgumentException($"'{key}' is not a conversation key.", nameof(key));
    }

    /// <summary>Reads a client's thread id; the local id is returned as given, callers still check its shape and access.</summary>
    public static bool TryParseThreadId(string threadId, out ConversationKind kind, out string localId)
    {
        var colon = threadId.IndexOf(':', StringComparison.Ordinal);
        (kind, localId) = (default, "");
        if (colon <= 0) return false;
        localId = threadId[(colon + 1)..];
        switch (threadId[..colon])
        {
            case JobKind: kind = ConversationKind.Job; return true;
            case CustomerKind: kind = ConversationKind.Customer; return true;
            default: return false;
        }
    }
}

[GenerateSerializer, Alias("op.ConversationKind")]
public enum ConversationKind
{
    /// <summary>The thread about one job (ticket).</summary>
    Job,

    /// <summary>The customer's general thread, about nothing in particular.</summary>
    Customer,
}

/// <param name="LocalId">The ticket id of a job thread, the customer id of a general thread.</param>
[GenerateSerializer, Immutable, Alias("op.ConversationAddress")]
public sealed record ConversationAddress(string TenantId, ConversationKind Kind, string LocalId)
{
    public string ThreadId => Kind == ConversationKind.Job ? ConversationKey.ThreadIdForJob(LocalId) : ConversationKey.ThreadIdForCustomer(LocalId);

    public string Key => TenantKeys.For(TenantId, ThreadId);
}
