namespace OrleansPortal.Grains.Notifications.Outbox;

/// <summary>One line of a message's delivery log: what happened, when, with the provider's id or error.</summary>
public sealed record DeliveryStep(long MessageId, DateTimeOffset At, string Status, string? ProviderId, string? Detail);
