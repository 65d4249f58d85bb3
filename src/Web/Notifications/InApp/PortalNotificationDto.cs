using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.InApp;

/// <summary>One entry of the bell's list. <paramref name="TicketId"/> links it to the appointment it is about.</summary>
public sealed record PortalNotificationDto(string Id, string Trigger, string Title, string Text, string? TicketId, DateTimeOffset At, bool Read);

/// <summary>The bell: the latest notifications and how many are unread.</summary>
public sealed record PortalNotificationsDto(IReadOnlyList<PortalNotificationDto> Items, int Unread);

public static class PortalNotificationMapping
{
    public static PortalNotificationDto AsDto(this OutboxMessage stored) =>
        new(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Message.Trigger.ToString(), stored.Message.Subject ?? "", stored.Message.Text,
            stored.Message.TicketId, stored.UpdatedAt, stored.ReadAt is not null);

    public static PortalNotificationDto AsDto(this InAppNotificationSent sent) =>
        new(sent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Trigger.ToString(), sent.Title, sent.Text, sent.TicketId, sent.At, Read: false);
}
