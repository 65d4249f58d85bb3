using static OrleansPortal.Grains.Notifications.NotificationChannel;
using static OrleansPortal.Grains.Notifications.NotificationTrigger;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Which channels each trigger has templates (and a switch) for. Email, SMS and in-app reach the customer for every
/// trigger. Push reaches a technician's phone, so only the triggers that change a technician's day have it: a job
/// assigned to them, and a booked job whose window or technician changed.
/// </summary>
public static class TemplateChannels
{
    public static IReadOnlySet<NotificationTrigger> PushTriggers { get; } = new HashSet<NotificationTrigger> { TechnicianAssigned, BookingChanged };

    public static bool IsOffered(NotificationTrigger trigger, NotificationChannel channel) =>
        Enum.IsDefined(trigger) && channel switch
        {
            Email or Sms or InApp => true,
            Push => PushTriggers.Contains(trigger),
            _ => false,
        };

    public static IEnumerable<NotificationChannel> For(NotificationTrigger trigger) =>
        Enum.GetValues<NotificationChannel>().Where(c => IsOffered(trigger, c));

    /// <summary>Every (trigger, channel) pair that has templates, in enum order.</summary>
    public static IEnumerable<(NotificationTrigger Trigger, NotificationChannel Channel)> All =>
        Enum.GetValues<NotificationTrigger>().SelectMany(t => For(t).Select(c => (t, c)));

    /// <summary>Whether a channel's templates have a subject (email) or title (in-app, push) besides the body.</summary>
    public static bool HasSubject(NotificationChannel channel) => channel != Sms;
}
