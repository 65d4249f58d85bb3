using System.ComponentModel.DataAnnotations;
using Orleans;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// When and from where a technician works: shifts per weekday (local time of the company's time zone), days off,
/// where the day starts and ends, the buffer kept between jobs, and certifications that expire. A day off cancels the
/// shifts that start on it; a shift that started the evening before and runs past midnight into it is still worked.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.TechnicianSchedule")]
public sealed record TechnicianSchedule(
    [property: MaxLength(InputLimits.Code)] string TimeZone,
    [property: MaxLength(TechnicianSchedule.MaxShifts)] IReadOnlyList<WorkingHours> WorkingHours,
    [property: MaxLength(InputLimits.Days)] IReadOnlyList<DateOnly> BlackoutDates,
    GeoPoint? StartLocation,
    GeoPoint? EndLocation,
    TimeSpan BufferBetweenJobs,
    [property: MaxLength(TechnicianSchedule.MaxCertifications)] IReadOnlyList<Certification> Certifications)
{
    public const int MaxShifts = 28, MaxCertifications = 50;

    /// <summary>Monday to Friday, 8:00 to 17:00 in UTC, no buffer: what a technician has until a dispatcher sets more.</summary>
    public static TechnicianSchedule Default { get; } = new(
        "UTC",
        [.. Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => new WorkingHours(d, new TimeOnly(8, 0), new TimeOnly(17, 0)))],
        [], null, null, TimeSpan.Zero, []);
}

/// <summary>
/// One shift starting on a weekday; a day may have several (a split shift). An end at or before the start is on the
/// next day: 22:00 to 06:00 on Friday runs into Saturday morning, 16:00 to 00:00 ends at midnight.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.WorkingHours")]
public sealed record WorkingHours(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether the shift ends on the day after <see cref="Day"/>.</summary>
    public bool CrossesMidnight => End <= Start;

    /// <summary>The shift on the local date <paramref name="day"/> (a <see cref="Day"/>), as local times; the end may be on the next date.</summary>
    public (DateTime Start, DateTime End) On(DateOnly day) => (day.ToDateTime(Start), (CrossesMidnight ? day.AddDays(1) : day).ToDateTime(End));
}

/// <summary>A certification (a backflow tester's licence, say) and the day it stops being valid; null for none.</summary>
[GenerateSerializer, Immutable, Alias("op.Certification")]
public sealed record Certification([property: MaxLength(InputLimits.Label)] string Name, DateOnly? ExpiresOn);
