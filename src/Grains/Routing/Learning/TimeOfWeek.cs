namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// The time-of-week slots travel times are learned in: each hour of the day, on weekdays and at weekends, in the
/// company's local time (rush hour is a local-clock thing). 48 slots: enough to see the morning peak, few enough
/// that a fleet's few weeks of driving fill most of them.
/// </summary>
public static class TimeOfWeek
{
    public const int Slots = 48;

    public static int Slot(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return (weekend ? 24 : 0) + local.Hour;
    }

    public static int HourOf(int slot) => slot % 24;

    public static bool IsWeekend(int slot) => slot >= 24;

    /// <summary>The same hour on the other kind of day, and the hours either side: where a thin slot borrows from.</summary>
    public static IEnumerable<int> Neighbours(int slot)
    {
        var day = slot / 24 * 24;
        yield return day + (HourOf(slot) + 23) % 24;
        yield return day + (HourOf(slot) + 1) % 24;
        yield return (slot + 24) % Slots;
    }
}
