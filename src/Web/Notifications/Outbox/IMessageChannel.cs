using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.Outbox;

/// <summary>A way out of the outbox: email, SMS, the portal's notification centre, Web Push.</summary>
public interface IMessageChannel
{
    NotificationChannel Channel { get; }

    /// <summary>Hands the message to the provider; returns the provider's id for it, if it gives one. Throws <see cref="DeliveryFailedException"/>.</summary>
    Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// For a message claimed <see cref="OutboxMessage.InDoubt"/> (a node died mid-send): the provider's id if the provider
    /// already has it, so it is not sent twice. Null when it does not, or when the provider cannot be asked (SMTP cannot:
    /// such a message goes again, with the same Message-Id, so a receiving system can tell the copy).
    /// </summary>
    Task<string?> FindSentAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
