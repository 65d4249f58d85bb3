using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>
/// "Every <see cref="IntervalWeeks"/> weeks on <see cref="Weekdays"/>, arriving between <see cref="WindowStart"/> and
/// <see cref="WindowEnd"/> local time in <see cref="TimeZoneId"/>", from <see cref="StartDate"/> until
/// <see cref="EndDate"/> or for <see cref="Count"/> occurrences (at most one of the two). Weeks run Monday to Sunday
/// and are counted from the week holding the start date, so "every 2 weeks on Monday and Thursday" keeps both days
/// in the same week. Pure: no clock, no I/O.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.RecurrenceRule")]
public sealed record RecurrenceRule(
    int IntervalWeeks,
    IReadOnlyList<DayOfWeek> Weekdays,
    TimeOnly WindowStart,
    TimeOnly WindowEnd,
    string TimeZoneId,
    DateOnly StartDate,
    DateOnly? EndDate = null,
    int? Count = null)
{
    public const int MaxIntervalWeeks = 52;

    public const int MaxCount = 1000;

    public const int FirstYear = InputLimits.FirstYear;

    public const int LastYear = InputLimits.LastYear;

    /// <summary>What is wrong with the rule, by field name (empty when it is valid).</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (IntervalWeeks is < 1 or > MaxIntervalWeeks) problems.Add(("intervalWeeks", $"The interval must be 1 to {MaxIntervalWeeks} weeks."));
        if (Weekdays is null || Weekdays.Count == 0 || Weekdays.Any(d => !Enum.IsDefined(d)) || Weekdays.Distinct().Count() != Weekdays.Count)
            problems.Add(("weekdays", "Give one or more different weekdays (Monday to Sunday)."));
        if (WindowEnd <= WindowStart) problems.Add(("windowEnd", "The arrival window must end after it starts, on the same day."));
        if (!TryFindZone(TimeZoneId, out _)) problems.Add(("timeZone", $"'{TimeZoneId}' is not a known IANA time zone (for example Europe/Lisbon)."));
        if (StartDate.Year is < FirstYear or > LastYear) problems.Add(("startDate", $"The start date must be in the years {FirstYear} to {LastYear}."));
        if (EndDate is { } end && end < StartDate) problems.Add(("endDate", "The end date cannot be before the start date."));
        if (Count is < 1 or > MaxCount) problems.Add(("count", $"The occurrence count must be 1 to {MaxCount}."));
        if (EndDate is not null && Count is not null) problems.Add(("count", "Give an end date or an occurrence count, not both."));
        return problems;
    }

    /// <summary>
    /// The occurrences whose arrival window ends after <paramref name="from"/> and starts before <paramref name="to"/>,
    /// in date order. Windows are wall-clock times on their date: a 09:00 start is 09:00 in summer and in winter.
    /// </summary>
    public IEnumerable<RecurrenceOccurrence> Occurrences(DateTimeOffset from, DateTimeOffset to)
    {
        if (Problems() is [var (field, message), ..]) throw new ArgumentException($"Invalid recurrence rule ({field}): {message}");
        return Enumerate(from, to);
    }

    private IEnumerable<RecurrenceOccurrence> Enumerate(DateTimeOffset from, DateTimeOffset to)
    {
        TryFindZone(TimeZoneId, out var zone);
        var days = Weekdays.Order(MondayFirst.Instance).ToArray();
        var firstWeek = MondayOf(StartDate);
        var week = firstWeek;
        if (Count is null)
        {
            // Without a count nothing before `from` matters, so skip to the first eligible week near it (a day early for zone offsets).
            var fromDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone!).DateTime).AddDays(-1);
            var weeksAhead = (MondayOf(fromDate).DayNumber - firstWeek.DayNumber) / 7;
            if (weeksAhead > 0) week = firstWeek.AddDays(weeksAhead / IntervalWeeks * IntervalWeeks * 7);
        }

        var seen = 0;
        while (true)
        {
            foreach (var day in days)
            {
                var date = week.AddDays(((int)day + 6) % 7);
                if (date < StartDate) continue;
                if (EndDate is { } end && date > end) yield break;
                if (Count is { } count && seen++ >= count) yield break;

                var window = WindowOn(date, zone!);
                if (window.Start >= to) yield break;
                if (window.End > from) yield return new RecurrenceOccurrence(date, window);
            }

            week = week.AddDays(7 * IntervalWeeks);
        }
    }

    private TimeWindow WindowOn(DateOnly date, TimeZoneInfo zone)
    {
        var start = ToInstant(date.ToDateTime(WindowStart), zone);
        var end = ToInstant(date.ToDateTime(WindowEnd), zone);
        // A window with its start in a spring-forward gap can be pushed past its own end; keep its nominal length.
        return new TimeWindow(start, end > start ? end : start + (WindowEnd - WindowStart));
    }

    /// <summary>
    /// A local clock reading as an instant. In a spring-forward gap (02:30 that never happens) it is moved on by the
    /// gap, as the clocks were; in a fall-back overlap (01:30 that happens twice) it is the first of the two.
    /// </summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        TimeSpan offset;
        if (zone.IsInvalidTime(local)) offset = zone.GetUtcOffset(local.AddDays(-1));
        else if (zone.IsAmbiguousTime(local)) offset = zone.GetAmbiguousTimeOffsets(local).Max();
        else offset = zone.GetUtcOffset(local);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero), zone);
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>An IANA zone by its id ("Europe/Lisbon"); ids that could not be one are refused before they reach the zone files.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        return id is { Length: > 0 and <= 64 } && !id.Contains("..", StringComparison.Ordinal)
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
            && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }

    private sealed class MondayFirst : IComparer<DayOfWeek>
    {
        public static readonly MondayFirst Instance = new();

        public int Compare(DayOfWeek x, DayOfWeek y) => (((int)x + 6) % 7).CompareTo(((int)y + 6) % 7);
    }
}

/// <summary>One date of a series and its arrival window as instants (with the zone's offset on that date).</summary>
[GenerateSerializer, Immutable, Alias("op.RecurrenceOccurrence")]
public sealed record RecurrenceOccurrence(DateOnly Date, TimeWindow Window);
