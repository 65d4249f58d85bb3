using Orleans;

namespace OrleansPortal.Grains.Conversations;

/// <summary>A thread's line in the team's inbox: its customer, the time of its last message, and the team's unread count.</summary>
[GenerateSerializer, Immutable, Alias("op.ThreadActivity")]
public sealed record ThreadActivity(string ThreadId, string CustomerId, DateTimeOffset LastMessageAt, int TeamUnread);
