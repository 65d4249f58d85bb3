using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>Everything the dispatcher's board shows for one day.</summary>
/// <param name="Version">
/// Changes whenever the day's plan does (a job's technician, status, pin or window, the routes' order), not when only
/// positions and estimates move: a proposal names the version it was computed from.
/// </param>
[GenerateSerializer, Immutable, Alias("op.DayBoard")]
public sealed record DayBoard(
    DateOnly Day,
    DispatchSettings Settings,
    IReadOnlyList<BoardTechnician> Technicians,
    IReadOnlyList<BoardJob> Unassigned,
    IReadOnlyList<DispatchAlert> Alerts,
    PlanSummary Summary,
    string Version);

/// <param name="ShiftStart">When the day's shift starts (the first part's start of a split shift); null when the technician is not planned this day.</param>
/// <param name="ShiftEnd">When the day's shift ends (the last part's end), an instant that may fall on the next date in the company's time zone (<paramref name="CrossesMidnight"/>).</param>
/// <param name="Unavailable">Why the technician cannot be planned this day (day off, no start location); null when they can.</param>
/// <param name="Shifts">Each part of the day's shift as instants, earliest first; empty on a day off.</param>
/// <param name="CrossesMidnight">The shift ends on a later date than it starts, in the company's time zone.</param>
/// <param name="AvailableFrom">
/// From when the plan counts on the technician: the shift's start, or, once today's shift has begun, now (and the shift's
/// end once it is over). Null when the technician is not planned this day.
/// </param>
[GenerateSerializer, Immutable, Alias("op.BoardTechnician")]
public sealed record BoardTechnician(
    string Id,
    string Name,
    IReadOnlyList<string> Qualifications,
    DateTimeOffset? ShiftStart,
    DateTimeOffset? ShiftEnd,
    GeoPoint? Start,
    GeoPoint? End,
    IReadOnlyList<BoardStop> Stops,
    string? Unavailable,
    IReadOnlyList<TimeWindow> Shifts,
    bool CrossesMidnight,
    DateTimeOffset? AvailableFrom);

/// <param name="Eta">The live estimate from the technician's route (today only); null when there is none yet.</param>
/// <param name="Conflicts">What breaks the assignment's rules about this stop (skills, certificates, shift, an overlap), by the rules a new assignment is checked with; empty when nothing does.</param>
[GenerateSerializer, Immutable, Alias("op.BoardStop")]
public sealed record BoardStop(
    BoardJob Job, DateTimeOffset PlannedArrival, DateTimeOffset PlannedStart, DateTimeOffset PlannedDeparture, DateTimeOffset? Eta, double MinutesLate,
    IReadOnlyList<AssignmentConflict> Conflicts);

[GenerateSerializer, Immutable, Alias("op.BoardJob")]
public sealed record BoardJob(
    string TicketId,
    string Description,
    string Address,
    GeoPoint Location,
    TicketPriority Priority,
    TicketStatus Status,
    TimeWindow? ArrivalWindow,
    double EstimatedMinutes,
    IReadOnlyList<string> RequiredSkills,
    bool Pinned,
    string? TechnicianId);

[GenerateSerializer, Immutable, Alias("op.PlanSummary")]
public sealed record PlanSummary(double Kilometers, double MinutesLate, int LateJobs, int Unassigned);

/// <param name="Adopted">False when the new plan was not better enough to reshuffle the day (see <paramref name="Message"/>).</param>
/// <param name="Moved">Jobs that changed technician.</param>
[GenerateSerializer, Immutable, Alias("op.OptimizationReport")]
public sealed record OptimizationReport(DateOnly Day, PlanSummary Before, PlanSummary After, bool Adopted, string Message, int Moved, long Iterations);
