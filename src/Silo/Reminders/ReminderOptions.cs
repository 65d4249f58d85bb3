namespace Orleans.Configuration;

/// <summary>Reminder rules.</summary>
public sealed class ReminderOptions
{
    /// <summary>The shortest period allowed; reminders are for minutes-to-days schedules, timers for anything faster.</summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
