using Orleans;

namespace OrleansPortal.Grains.Conversations;

/// <summary>
/// The company's list of threads that have messages, keyed by tenant id, for the team's inbox: each conversation
/// reports its latest activity and the team's unread count after every message and every team mark-read.
/// </summary>
[Alias("op.IConversationIndexGrain")]
public interface IConversationIndexGrain : IGrainWithStringKey
{
    /// <summary>Records the thread's latest state; an older report (by time of its last message) never replaces a newer one.</summary>
    Task UpdateAsync(ThreadActivity activity);

    /// <summary>Threads by last message, newest first, at most <paramref name="limit"/>.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<ThreadActivity>> ListAsync(int limit);
}

[GenerateSerializer, Immutable, Alias("op.ThreadActivity")]
public sealed record ThreadActivity(string ThreadId, string CustomerId, DateTimeOffset LastMessageAt, int TeamUnread);
