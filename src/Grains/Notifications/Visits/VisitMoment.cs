namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>
/// Something a visit's customer should hear about, named by its trigger, with the part of the delivery key that makes
/// it this moment and no other (the window it confirms, the technician it names). Two observations of the same moment
/// give the same key, so the outbox keeps one.
/// </summary>
public sealed record VisitMoment(NotificationTrigger Trigger, string Occurrence, DateTimeOffset? NotBefore = null);
