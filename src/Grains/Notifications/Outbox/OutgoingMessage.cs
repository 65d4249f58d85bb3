using Orleans;

namespace OrleansPortal.Grains.Notifications.Outbox;

/// <summary>
/// A rendered message to put in the outbox. <paramref name="DeliveryKey"/> names the moment it belongs to (for example
/// "OnMyWay:{ticket}:{contact}:Sms"): the outbox keeps one message per key and tenant, so the same moment observed twice
/// (a replayed event, a retried trigger, a restart) queues nothing new.
/// </summary>
/// <param name="Recipient">An email address, an E.164 number, or <c>{customerId}:{contactId}</c> for the in-app channel.</param>
/// <param name="Urgent">Goes out during quiet hours (on my way, arriving, delayed).</param>
/// <param name="Marketing">Sent only to contacts who opted in, with a one-click unsubscribe.</param>
/// <param name="NotBefore">Not sent before this time (a reminder waits here for its hour).</param>
[GenerateSerializer, Immutable, Alias("op.OutgoingMessage")]
public sealed record OutgoingMessage(
    string TenantId,
    string DeliveryKey,
    NotificationTrigger Trigger,
    NotificationChannel Channel,
    string Recipient,
    string? CustomerId,
    string? ContactId,
    string? TicketId,
    string? Language,
    string? Subject,
    string Text,
    string? Html,
    bool Urgent,
    bool Marketing,
    DateTimeOffset NotBefore);
