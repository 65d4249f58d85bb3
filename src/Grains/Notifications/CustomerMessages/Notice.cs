using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Grains.Notifications.CustomerMessages;

/// <summary>
/// One thing to tell every contact of an audience. <paramref name="Key"/> names the moment once per company (for
/// example "EstimateReady:E-1042"); with the contact and channel it makes the delivery key, so the same notice queued
/// twice is stored once. <paramref name="Fill"/> adds what the trigger's templates need to a contact's model (which
/// already holds the company, the customer, the contact and the portal link).
/// </summary>
public sealed record Notice(NotificationTrigger Trigger, string Key, string? TicketId, DateTimeOffset? NotBefore, Action<NotificationModel> Fill);
