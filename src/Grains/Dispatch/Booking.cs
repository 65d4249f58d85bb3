using System.ComponentModel.DataAnnotations;
using Orleans;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>A window customers may book, in the company's local time (for example "Morning", 08:00 to 12:00).</summary>
[GenerateSerializer, Immutable, Alias("op.BookingSlot")]
public sealed record BookingSlot([property: MaxLength(InputLimits.Label)] string Name, TimeOnly Start, TimeOnly End);

/// <summary>A kind of visit customers can book: the skills it needs and how long it takes, so the windows offered are the ones a qualified technician has time for.</summary>
[GenerateSerializer, Immutable, Alias("op.BookableService")]
public sealed record BookableService(
    [property: MaxLength(InputLimits.Label)] string Name, [property: MaxLength(InputLimits.Skills)] IReadOnlyList<string> Skills, int Minutes);

/// <summary>
/// What self-service booking allows: the windows on offer, how much notice a booking needs, days nobody can book,
/// at most how many jobs a day, and until when before the window a customer may still reschedule or cancel.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.BookingRules")]
public sealed record BookingRules(
    [property: MaxLength(BookingRules.MaxSlots)] IReadOnlyList<BookingSlot> Slots,
    double MinimumNoticeHours,
    [property: MaxLength(InputLimits.Days)] IReadOnlyList<DateOnly> BlackoutDates,
    int MaxJobsPerDay,
    double ChangeCutoffHours,
    int DaysAhead,
    [property: MaxLength(BookingRules.MaxServices)] IReadOnlyList<BookableService>? Services = null)
{
    public const int MaxSlots = 8, MaxServices = 50;

    public static BookingRules Default { get; } = new(
        [new BookingSlot("Morning", new TimeOnly(8, 0), new TimeOnly(12, 0)), new BookingSlot("Afternoon", new TimeOnly(13, 0), new TimeOnly(17, 0))],
        MinimumNoticeHours: 2, BlackoutDates: [], MaxJobsPerDay: 40, ChangeCutoffHours: 24, DaysAhead: 14,
        Services: [new BookableService("General visit", [], 60)]);

    /// <summary>The services on offer; a company that lists none offers one general one-hour visit. Not part of the JSON: derived from <see cref="Services"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<BookableService> ServicesOffered => Services is { Count: > 0 } services ? services : Default.Services!;

    public BookableService? Service(string? name) =>
        name is null ? ServicesOffered[0] : ServicesOffered.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a customer wants done, for finding windows: where, which skills, how long. <paramref name="Rescheduling"/> is the job being moved, which does not compete with itself.</summary>
[GenerateSerializer, Immutable, Alias("op.BookingQuery")]
public sealed record BookingQuery(GeoPoint Location, IReadOnlyList<string> Skills, TimeSpan Duration, DateOnly From, int Days, string? Rescheduling = null);

/// <param name="Unavailable">Why it cannot be booked (too soon, closed, full, nobody qualified free); null when it can.</param>
[GenerateSerializer, Immutable, Alias("op.WindowOffer")]
public sealed record WindowOffer(DateOnly Day, string Slot, DateTimeOffset Start, DateTimeOffset End, string? Unavailable)
{
    public bool Available => Unavailable is null;
}
