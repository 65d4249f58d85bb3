namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>What an ETA adds to the visit's messages: when the technician should arrive, and how late that is.</summary>
public sealed record VisitExtras(DateTimeOffset Eta, DateTimeOffset ComputedAt, double MinutesLate);
