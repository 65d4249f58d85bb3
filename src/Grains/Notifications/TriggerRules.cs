using OrleansPortal.Grains.Customers;

namespace OrleansPortal.Grains.Notifications;

/// <summary>What each trigger is, for the rules: whether it cuts through quiet hours, and which preference governs it.</summary>
public static class TriggerRules
{
    /// <summary>
    /// Time-critical: a customer waiting at home needs it now, so quiet hours do not hold it and the daily cap does not
    /// stop it. The on-my-way message is the one the issue names; arriving and delayed are its siblings.
    /// </summary>
    public static bool IsUrgent(NotificationTrigger trigger) => trigger is NotificationTrigger.OnMyWay or NotificationTrigger.Arriving or NotificationTrigger.Delayed;

    /// <summary>
    /// Whether a contact's preferences for a channel let <paramref name="trigger"/> through. The visit's live messages
    /// follow "on my way"; the rest of a visit's life follows "appointments", and so do the surveys about the service. Estimates, invoices and payments are the
    /// customer's business with the company and are not switched off by these preferences (opt-outs still apply), and
    /// neither is a message the team writes by hand.
    /// </summary>
    public static bool Allows(ChannelPreferences preferences, NotificationTrigger trigger) => trigger switch
    {
        NotificationTrigger.OnMyWay or NotificationTrigger.Arriving or NotificationTrigger.Delayed => preferences.OnMyWay,
        NotificationTrigger.BookingConfirmed or NotificationTrigger.BookingChanged or NotificationTrigger.Reminder
            or NotificationTrigger.TechnicianAssigned or NotificationTrigger.Completed or NotificationTrigger.ReviewRequest or NotificationTrigger.NpsSurvey => preferences.Appointments,
        _ => true,
    };
}
