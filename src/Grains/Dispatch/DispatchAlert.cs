using Orleans;

namespace OrleansPortal.Grains.Dispatch;

[GenerateSerializer, Alias("op.AlertKind")]
public enum AlertKind
{
    /// <summary>A job's ETA falls after its arrival window.</summary>
    LateRisk,

    /// <summary>An emergency that no technician can take.</summary>
    UnassignedEmergency,

    /// <summary>A technician with work today whose phone has not reported for a while.</summary>
    NoSignal,
}

/// <summary>Something a dispatcher should act on. <see cref="Id"/> is stable ("LateRisk:{ticket}"), so a condition that holds raises one alert, not one per check.</summary>
[GenerateSerializer, Immutable, Alias("op.DispatchAlert")]
public sealed record DispatchAlert(string Id, AlertKind Kind, string Message, DateTimeOffset RaisedAt, string? TicketId, string? TechnicianId);
