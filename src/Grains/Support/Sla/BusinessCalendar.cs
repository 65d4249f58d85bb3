namespace OrleansPortal.Grains.Support.Sla;

/// <summary>
/// Business time: the company's opening hours per weekday in its time zone, less its holidays. Pure (no clock, no I/O),
/// so the SLA's arithmetic is tested directly.
/// <para>
/// Local times are turned into instants through the time zone, so a day when clocks change is as long as it really is:
/// 09:00 to 18:00 on a day the clocks go back across those hours is ten real hours. An opening or closing time that does
/// not exist (skipped when the clocks go forward) moves to the first local time after the gap; one that happens twice
/// (clocks going back) is its first occurrence.
/// </para>
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far a search for open time looks (ten years): past it, a calendar that is all holidays is an error, not a hang.</summary>
    private const int MaxDaysSearched = 3660;

    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, OpeningHours> _week;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<OpeningHours> week, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(holidays);
        _zone = zone;
        _week = [];
        foreach (var hours in week)
        {
            if (!hours.IsValid) throw new ArgumentException($"{hours.Day}: opening hours must open before they close, within the day.", nameof(week));
            if (!_week.TryAdd(hours.Day, hours)) throw new ArgumentException($"{hours.Day} has opening hours twice.", nameof(week));
        }

        if (_week.Count == 0) throw new ArgumentException("A business calendar needs at least one open weekday.", nameof(week));
        _holidays = [.. holidays];
    }

    /// <summary>
    /// The instant at which <paramref name="minutes"/> of business time have passed since <paramref name="start"/>: started
    /// outside opening hours, the count begins at the next opening. Zero minutes is <paramref name="start"/> itself.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        if (time == TimeSpan.Zero) return start;
        var left = time;
        var day = LocalDate(start).AddDays(-1); // yesterday's hours may run past local midnight in UTC terms; never harmful to look
        for (var i = 0; i < MaxDaysSearched; i++, day = day.AddDays(1))
        {
            if (Open(day) is not (var opens, var closes) || closes <= start) continue;
            var from = opens > start ? opens : start;
            var span = closes - from;
            if (span >= left) return from + left;
            left -= span;
        }

        throw new InvalidOperationException($"No opening hours in the {MaxDaysSearched} days after {start:O}: every open day is a holiday.");
    }

    /// <summary>Business minutes from <paramref name="start"/>: <see cref="AddBusinessTime"/> in whole minutes.</summary>
    public DateTimeOffset AddBusinessMinutes(DateTimeOffset start, int minutes) => AddBusinessTime(start, TimeSpan.FromMinutes(minutes));

    /// <summary>The business time between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var last = LocalDate(to);
        for (var day = LocalDate(from).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            if (Open(day) is not (var opens, var closes)) continue;
            var start = opens > from ? opens : from;
            var end = closes < to ? closes : to;
            if (end > start) total += end - start;
        }

        return total;
    }

    /// <summary>Whether the team works at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at) => Open(LocalDate(at)) is (var opens, var closes) && opens <= at && at < closes;

    /// <summary>The day's opening and closing instants, or null when it is closed (no hours that weekday, or a holiday).</summary>
    private (DateTimeOffset Opens, DateTimeOffset Closes)? Open(DateOnly day)
    {
        if (_holidays.Contains(day) || !_week.TryGetValue(day.DayOfWeek, out var hours)) return null;
        var opens = Instant(day, hours.OpensAt);
        var closes = Instant(day, hours.ClosesAt);
        return closes > opens ? (opens, closes) : null;
    }

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime);

    private DateTimeOffset Instant(DateOnly day, int minuteOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        // Skipped by the clocks going forward: the first minute that exists after the gap.
        for (var guard = 0; _zone.IsInvalidTime(local) && guard < 24 * 60; guard++) local = local.AddMinutes(1);
        // Happening twice as the clocks go back: the first time, which has the larger offset.
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
