namespace OrleansPortal.Grains.Conversations;

/// <summary>
/// The company team's inbox: one row per thread that has messages, in a table of its own (not one grain's state
/// rewritten on every message). Each conversation reports its latest activity and the team's unread count after every
/// message and every team mark-read; every read and write is scoped by tenant.
/// </summary>
public interface IConversationInbox
{
    /// <summary>
    /// Records the thread's latest state; an older report (by time of its last message) never replaces a newer one.
    /// Times are kept to the microsecond, as every stored time is.
    /// </summary>
    Task UpdateAsync(string tenantId, ThreadActivity activity, CancellationToken cancellationToken = default);

    /// <summary>Threads by last message, newest first (then by id), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ThreadActivity>> ListAsync(string tenantId, int limit, CancellationToken cancellationToken = default);

    /// <summary>One customer's threads by last message, newest first (then by id), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ThreadActivity>> ListForCustomerAsync(string tenantId, string customerId, int limit, CancellationToken cancellationToken = default);
}
