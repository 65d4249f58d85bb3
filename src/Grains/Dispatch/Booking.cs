namespace OrleansPortal.Grains.Dispatch;

/// <summary>A window customers may book, in the company's local time (for example "Morning", 08:00 to 12:00).</summary>
public sealed record BookingSlot(string Name, TimeOnly Start, TimeOnly End);

/// <summary>
/// What self-service booking allows: the windows on offer, how much notice a booking needs, days nobody can book,
/// at most how many jobs a day, and until when before the window a customer may still reschedule or cancel.
/// </summary>
public sealed record BookingRules(
    IReadOnlyList<BookingSlot> Slots,
    double MinimumNoticeHours,
    IReadOnlyList<DateOnly> BlackoutDates,
    int MaxJobsPerDay,
    double ChangeCutoffHours,
    int DaysAhead)
{
    public static BookingRules Default { get; } = new(
        [new BookingSlot("Morning", new TimeOnly(8, 0), new TimeOnly(12, 0)), new BookingSlot("Afternoon", new TimeOnly(13, 0), new TimeOnly(17, 0))],
        MinimumNoticeHours: 2, BlackoutDates: [], MaxJobsPerDay: 40, ChangeCutoffHours: 24, DaysAhead: 14);
}

/// <summary>What a customer wants done, for finding windows: where, which skills, how long. <paramref name="Rescheduling"/> is the job being moved, which does not compete with itself.</summary>
public sealed record BookingQuery(GeoPoint Location, IReadOnlyList<string> Skills, TimeSpan Duration, DateOnly From, int Days, string? Rescheduling = null);

/// <param name="Unavailable">Why it cannot be booked (too soon, closed, full, nobody qualified free); null when it can.</param>
public sealed record WindowOffer(DateOnly Day, string Slot, DateTimeOffset Start, DateTimeOffset End, string? Unavailable)
{
    public bool Available => Unavailable is null;
}
