namespace OrleansPortal.Grains.Notifications.Outbox;

/// <summary>A message as the outbox holds it: what was queued, and how far it got.</summary>
/// <param name="InDoubt">Claimed again after an earlier claim's lease ran out mid-send: the provider may already have it.</param>
public sealed record OutboxMessage(
    long Id,
    OutgoingMessage Message,
    OutboxStatus Status,
    int Attempts,
    bool InDoubt,
    string? ProviderId,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ReadAt);
