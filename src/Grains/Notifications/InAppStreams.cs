using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Notifications;

/// <summary>
/// "inapp-notifications/{tenant}": an in-app message was sent to a contact. Each node forwards it to that contact's
/// portal connections, wherever the sender ran.
/// </summary>
public static class InAppStreams
{
    public const string ProviderName = "StreamProvider";
    public const string Namespace = "inapp-notifications";

    public static StreamId ForTenant(string tenantId) => StreamId.Create(Namespace, tenantId);
}

/// <summary>A message in a contact's notification centre (the bell). <paramref name="Id"/> is the outbox id.</summary>
[GenerateSerializer, Immutable, Alias("op.InAppNotificationSent")]
public sealed record InAppNotificationSent(string TenantId, string CustomerId, string ContactId, long Id, NotificationTrigger Trigger, string? TicketId, string Title, string Text, DateTimeOffset At);
