using Orleans;
using OrleansPortal.Grains.Support.Cases;

namespace OrleansPortal.Grains.Support.Sla;

/// <summary>
/// A company's SLA: its opening hours per weekday, its holidays (local dates), and a target per priority. A priority
/// without an entry has no target. The time zone is the company's (the dispatch settings'), not part of these.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.SupportSlaSettings")]
public sealed record SupportSlaSettings(IReadOnlyList<OpeningHours> Week, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<SlaTarget> Targets)
{
    public const int MaxHolidays = 200;

    /// <summary>A year of business minutes at most: a longer target is a typing error.</summary>
    public const int MaxTargetMinutes = 525_600;

    private const int NineToSix = 9 * 60;
    private const int BusinessDay = 9 * 60;

    /// <summary>
    /// Until a company sets its own: weekdays 09:00 to 18:00 (a business day is nine hours), no holidays; Urgent 1 h to
    /// answer and 8 h to resolve, High 2 h and 2 days, Normal 4 h and 3 days, Low 8 h and 5 days.
    /// </summary>
    public static SupportSlaSettings Defaults { get; } = new(
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningHours(d, NineToSix, NineToSix + BusinessDay))],
        [],
        [
            new SlaTarget(CasePriority.Urgent, 60, 8 * 60),
            new SlaTarget(CasePriority.High, 2 * 60, 2 * BusinessDay),
            new SlaTarget(CasePriority.Normal, 4 * 60, 3 * BusinessDay),
            new SlaTarget(CasePriority.Low, 8 * 60, 5 * BusinessDay),
        ]);

    public SlaTarget? TargetFor(CasePriority priority) => Targets.FirstOrDefault(t => t.Priority == priority);

    /// <summary>What makes these settings unusable, by field (as the API names them); empty when they are fine.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        void Add(string field, string message) => problems[field] = [.. problems.GetValueOrDefault(field, []), message];

        if (Week.Count == 0) Add("week", "At least one weekday needs opening hours.");
        if (Week.Any(h => !h.IsValid)) Add("week", "Opening hours open before they close, between 00:00 and 24:00.");
        if (Week.GroupBy(h => h.Day).Any(g => g.Count() > 1)) Add("week", "Each weekday has one span of opening hours at most.");
        if (Holidays.Count > MaxHolidays) Add("holidays", $"At most {MaxHolidays} holidays.");
        if (Holidays.Any(d => d.Year is < 2000 or > 2100)) Add("holidays", "Holidays are dates between 2000 and 2100.");
        if (Targets.GroupBy(t => t.Priority).Any(g => g.Count() > 1)) Add("targets", "Each priority has one target at most.");
        if (Targets.Any(t => t.FirstResponseMinutes is < 1 or > MaxTargetMinutes || t.ResolutionMinutes is < 1 or > MaxTargetMinutes))
            Add("targets", $"Targets are 1 to {MaxTargetMinutes} business minutes, or none.");
        if (Targets.Any(t => t.FirstResponseMinutes > t.ResolutionMinutes))
            Add("targets", "A first response cannot be due after the resolution.");
        return problems;
    }
}

/// <summary>A company's SLA settings with its time zone (an IANA id): what a case needs to compute its due times.</summary>
[GenerateSerializer, Immutable, Alias("op.SlaPolicy")]
public sealed record SlaPolicy(string TimeZone, SupportSlaSettings Settings)
{
    public BusinessCalendar Calendar() =>
        new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Settings.Week, Settings.Holidays);
}
