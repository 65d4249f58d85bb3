using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// A re-planned day offered to the dispatcher ("optimize the day"): nothing has changed yet. It is applied, discarded,
/// replaced by the next proposal for the same day, or dropped at <see cref="ExpiresAt"/> (and when dispatch restarts:
/// proposals live in memory).
/// </summary>
/// <param name="BaseVersion">The <see cref="DayBoard.Version"/> it was computed from.</param>
/// <param name="Stale">The day's board changed since (another version now); applying still works unless a change conflicts with a move.</param>
/// <param name="Recommended">Whether dispatch's stability rule would adopt it by itself (see <paramref name="Message"/>); the dispatcher may apply it anyway.</param>
/// <param name="Moves">Every job whose technician would change; a null technician is the unassigned tray.</param>
/// <param name="Technicians">Every technician working that day, with the route they would drive.</param>
/// <param name="Unassigned">The jobs the plan leaves in the tray.</param>
[GenerateSerializer, Immutable, Alias("op.PlanProposal")]
public sealed record PlanProposal(
    string Id,
    DateOnly Day,
    string BaseVersion,
    bool Stale,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string CreatedBy,
    bool Recommended,
    string Message,
    PlanSummary Before,
    PlanSummary After,
    IReadOnlyList<PlanMove> Moves,
    IReadOnlyList<ProposedRoute> Technicians,
    IReadOnlyList<BoardJob> Unassigned,
    long Iterations);

/// <summary>A job changing hands: from one technician (null: the tray) to another (null: back to the tray).</summary>
[GenerateSerializer, Immutable, Alias("op.PlanMove")]
public sealed record PlanMove(string TicketId, string Title, string? FromTechnicianId, string? ToTechnicianId);

/// <param name="Stops">The route the technician would drive, in order.</param>
/// <param name="Gained">Jobs they would take over (from another technician or the tray).</param>
/// <param name="Lost">Jobs they would hand on (to another technician or the tray).</param>
/// <param name="Changed">Anything gained, lost or reordered.</param>
/// <param name="Legs">The route's lines along the roads, start to end; filled in only when asked for (the web edge draws them), else null.</param>
[GenerateSerializer, Immutable, Alias("op.ProposedRoute")]
public sealed record ProposedRoute(
    string TechnicianId,
    string Name,
    GeoPoint Start,
    GeoPoint End,
    IReadOnlyList<ProposedStop> Stops,
    IReadOnlyList<PlanMove> Gained,
    IReadOnlyList<PlanMove> Lost,
    bool Changed,
    RouteTotals Before,
    RouteTotals After,
    IReadOnlyList<RouteLeg>? Legs = null);

/// <param name="Gained">The job is new on this route.</param>
[GenerateSerializer, Immutable, Alias("op.ProposedStop")]
public sealed record ProposedStop(
    string TicketId,
    string Title,
    string Address,
    GeoPoint Location,
    TicketPriority Priority,
    TicketStatus Status,
    bool Pinned,
    TimeWindow? ArrivalWindow,
    DateTimeOffset PlannedArrival,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedDeparture,
    double MinutesLate,
    bool Gained);

/// <summary>One technician's day in figures.</summary>
/// <param name="WorkMinutes">Time on site: the jobs' service times plus the buffers after them.</param>
/// <param name="Finish">When they would be back at their end location; null without jobs.</param>
[GenerateSerializer, Immutable, Alias("op.RouteTotals")]
public sealed record RouteTotals(int Jobs, double Kilometers, double MinutesLate, int LateJobs, double WorkMinutes, DateTimeOffset? Finish);
