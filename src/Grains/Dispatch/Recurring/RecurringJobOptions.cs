namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>How far ahead recurring jobs become tickets, and how often a series looks again.</summary>
public sealed class RecurringJobOptions
{
    public const string SectionName = "RecurringJobs";

    /// <summary>Occurrences starting within this much of now get their ticket, so dispatch and booking can plan around them.</summary>
    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The period of each series' reminder; well under the horizon, so a missed tick or two still leaves days of notice.</summary>
    public TimeSpan GenerationPeriod { get; set; } = TimeSpan.FromHours(12);
}
