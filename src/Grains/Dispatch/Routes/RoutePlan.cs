using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Routes;

/// <summary>
/// One technician's route for one day, as dispatch planned it: where the day starts and ends, and the stops in
/// order with their planned times. ETAs are the route grain's own business (<see cref="RouteView"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("op.RoutePlan")]
public sealed record RoutePlan(
    string TechnicianId,
    DateOnly Day,
    GeoPoint Start,
    GeoPoint End,
    DateTimeOffset ShiftStart,
    DateTimeOffset ShiftEnd,
    TimeSpan BufferBetweenJobs,
    IReadOnlyList<PlannedStop> Stops);

/// <param name="OnSiteSince">When the technician arrived, for a job on site now; its remaining work counts from then.</param>
[GenerateSerializer, Immutable, Alias("op.PlannedStop")]
public sealed record PlannedStop(
    string TicketId,
    GeoPoint Location,
    string Address,
    string Description,
    TicketPriority Priority,
    TicketStatus Status,
    TimeWindow? ArrivalWindow,
    TimeSpan Service,
    DateTimeOffset PlannedArrival,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedDeparture,
    bool Pinned,
    DateTimeOffset? OnSiteSince);

/// <summary>A route with its live estimates; <see cref="Position"/> is the last one the route heard of.</summary>
[GenerateSerializer, Immutable, Alias("op.RouteView")]
public sealed record RouteView(RoutePlan Plan, IReadOnlyList<StopEstimate> Estimates, GeoPoint? Position, DateTimeOffset? PositionAt, DateTimeOffset ComputedAt);

/// <param name="Eta">When the technician is expected at the job: the drive's end, or the window's start if they would be early (for a job on site: when they arrived or, unknown, now).</param>
/// <param name="MinutesLate">How far <paramref name="Eta"/> falls after the arrival window; 0 when on time or there is no window.</param>
[GenerateSerializer, Immutable, Alias("op.StopEstimate")]
public sealed record StopEstimate(string TicketId, DateTimeOffset Eta, DateTimeOffset ExpectedDeparture, double MinutesLate)
{
    public bool LateRisk => MinutesLate > 0;
}

/// <summary>
/// What goes out on "ticket-eta/{tenant}:{ticket}" when a job's ETA moves by more than the threshold, turns late or on
/// time, or the technician starts <paramref name="Arriving"/> (<see cref="EtaPolicy.IsArriving"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("op.TicketEta")]
public sealed record TicketEta(
    string TenantId, string TicketId, string TechnicianId, DateTimeOffset Eta, TimeWindow? ArrivalWindow, double MinutesLate, DateTimeOffset ComputedAt, bool Arriving = false);
