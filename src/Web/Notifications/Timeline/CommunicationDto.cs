using OrleansPortal.Grains.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.Timeline;

/// <summary>One message in a customer's communication timeline, as the team sees it: what was said, to whom, and how far it got.</summary>
public sealed record CommunicationDto(
    string Id,
    string Trigger,
    string Channel,
    string Recipient,
    string? ContactId,
    string? TicketId,
    string? Subject,
    string Text,
    string Status,
    int Attempts,
    string? ProviderId,
    string? Error,
    DateTimeOffset QueuedAt,
    DateTimeOffset NotBefore,
    DateTimeOffset UpdatedAt);

/// <summary>A message's delivery log.</summary>
public sealed record DeliveryStepDto(DateTimeOffset At, string Status, string? ProviderId, string? Detail);

public static class CommunicationMapping
{
    public static CommunicationDto AsDto(this OutboxMessage stored) => new(
        stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Message.Trigger.ToString(), stored.Message.Channel.ToString(),
        stored.Message.Recipient, stored.Message.ContactId, stored.Message.TicketId, stored.Message.Subject, stored.Message.Text,
        stored.Status.ToString(), stored.Attempts, stored.ProviderId, stored.Error, stored.CreatedAt, stored.Message.NotBefore, stored.UpdatedAt);

    public static DeliveryStepDto AsDto(this DeliveryStep step) => new(step.At, step.Status, step.ProviderId, step.Detail);
}
