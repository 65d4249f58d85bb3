using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// The company's plan over a span of days (a week or a month on the planning screen): per technician and day their
/// shifts, the minutes booked on them and the jobs; plus the jobs of the span that no one has yet. Open jobs only: a
/// job done or cancelled has left dispatch's plan.
/// </summary>
/// <param name="Today">Today in the company's time zone (<paramref name="TimeZone"/>): days before it hold no open jobs.</param>
[GenerateSerializer, Immutable, Alias("op.PlanningCalendar")]
public sealed record PlanningCalendar(
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    string TimeZone,
    IReadOnlyList<CalendarTechnician> Technicians,
    IReadOnlyList<CalendarJob> Unassigned)
{
    /// <summary>The longest span asked at once: six weeks, what a month grid shows.</summary>
    public const int MaxDays = 42;
}

/// <param name="Skills">What the technician can be sent for: skills and certifications not expired on the span's first day.</param>
/// <param name="Days">One entry per day of the span, in order.</param>
[GenerateSerializer, Immutable, Alias("op.CalendarTechnician")]
public sealed record CalendarTechnician(string Id, string Name, IReadOnlyList<string> Skills, IReadOnlyList<CalendarDay> Days);

/// <param name="Shifts">The day's shift parts from the working hours, none on a day off or a blackout date.</param>
/// <param name="ShiftMinutes">The shift parts' total length.</param>
/// <param name="BookedMinutes">The estimated work of the day's jobs on the technician (driving between them not counted).</param>
/// <param name="Jobs">The technician's jobs that day in route order.</param>
[GenerateSerializer, Immutable, Alias("op.CalendarDay")]
public sealed record CalendarDay(DateOnly Day, IReadOnlyList<TimeWindow> Shifts, double ShiftMinutes, double BookedMinutes, IReadOnlyList<CalendarJob> Jobs);

/// <param name="Start">When work is planned to start (the route's timing), or, for a job on no route, its window's start; null when neither is known.</param>
/// <param name="Minutes">The estimated duration.</param>
[GenerateSerializer, Immutable, Alias("op.CalendarJob")]
public sealed record CalendarJob(
    string TicketId,
    string Description,
    DateOnly Day,
    DateTimeOffset? Start,
    double Minutes,
    TicketStatus Status,
    TicketPriority Priority,
    IReadOnlyList<string> RequiredSkills,
    TimeWindow? ArrivalWindow,
    string? TechnicianId);
