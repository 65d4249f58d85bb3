using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

[GenerateSerializer, Alias("op.AlertKind")]
public enum AlertKind
{
    /// <summary>A job's ETA falls after its arrival window.</summary>
    LateRisk,

    /// <summary>An emergency that no technician can take.</summary>
    UnassignedEmergency,

    /// <summary>A technician on shift with work today whose phone has not reported for a while.</summary>
    NoSignal,

    /// <summary>A failed payment given up after its last retry (a maintenance plan paused); held until dismissed or paid.</summary>
    PaymentFailed,

    /// <summary>A support case's SLA target is at risk or breached and the case escalated; held until dismissed.</summary>
    CaseEscalated,
}

/// <summary>
/// Something a dispatcher should act on. <see cref="Id"/> is stable ("LateRisk:{ticket}"), so a condition that holds
/// raises one alert, not one per check. Every alert names what it is about: the ticket (late risk, unassigned
/// emergency) and the technician (late risk, no signal), with the board's day they belong to, so a page can link to
/// them. Times are instants in UTC; <see cref="Message"/> prints them in the company's time zone, with the date when it
/// is not the day the alert was raised.
/// </summary>
/// <param name="Day">The board's day (in the company's time zone) the alert belongs to: the job's day, or today.</param>
/// <param name="TechnicianName">The technician's name when the alert was raised.</param>
/// <param name="Address">The job's address.</param>
/// <param name="Window">The job's arrival window.</param>
/// <param name="Eta">Late risk: when the technician is expected at the job.</param>
/// <param name="MinutesLate">Late risk: how far the ETA is past the window's end.</param>
/// <param name="LastSeenAt">No signal: the time of the technician's newest position; null when there has never been one.</param>
/// <param name="SilentSince">
/// No signal: what the silence is counted from, the newest position or the start of the shift under way, whichever is later.
/// </param>
/// <param name="CustomerId">Payment failed: the customer who owes it.</param>
/// <param name="InvoiceId">Payment failed: the invoice (and dunning case) it is about.</param>
/// <param name="CaseId">Case escalated: the support case.</param>
[GenerateSerializer, Immutable, Alias("op.DispatchAlert")]
public sealed record DispatchAlert(
    string Id,
    AlertKind Kind,
    string Message,
    DateTimeOffset RaisedAt,
    string? TicketId,
    string? TechnicianId,
    DateOnly? Day = null,
    string? TechnicianName = null,
    string? Address = null,
    TimeWindow? Window = null,
    DateTimeOffset? Eta = null,
    double? MinutesLate = null,
    DateTimeOffset? LastSeenAt = null,
    DateTimeOffset? SilentSince = null,
    string? CustomerId = null,
    string? InvoiceId = null,
    string? CaseId = null);
