using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// What dispatch publishes. "dispatch-board/{tenant}": the board changed, an alert was raised or cleared, an
/// optimization progressed (the dispatchers' pages listen). "ticket-eta/{tenant}:{ticket}": a job's ETA moved by more
/// than <see cref="Routes.EtaPolicy.PublishThreshold"/> (the customer's appointment page listens).
/// </summary>
public static class DispatchStreams
{
    public const string ProviderName = "StreamProvider";
    public const string BoardNamespace = "dispatch-board";
    public const string EtaNamespace = "ticket-eta";

    public static StreamId BoardFor(string tenantId) => StreamId.Create(BoardNamespace, tenantId);

    public static StreamId EtaFor(string tenantId, string ticketId) => StreamId.Create(EtaNamespace, TenantKeys.For(tenantId, ticketId));
}

/// <summary>Events on the board stream; pages re-read the board on <see cref="BoardChanged"/> rather than patching it.</summary>
[GenerateSerializer, Immutable, Alias("op.DispatchEvent")]
public abstract record DispatchEvent(string TenantId);

[GenerateSerializer, Immutable, Alias("op.BoardChanged")]
public sealed record BoardChanged(string TenantId, DateOnly Day, string Reason) : DispatchEvent(TenantId);

[GenerateSerializer, Immutable, Alias("op.AlertsChanged")]
public sealed record AlertsChanged(string TenantId, IReadOnlyList<DispatchAlert> Alerts) : DispatchEvent(TenantId);

/// <summary>How far an "optimize the day" run is: <paramref name="Fraction"/> of its time budget spent, and the best plan so far.</summary>
[GenerateSerializer, Immutable, Alias("op.OptimizationProgress")]
public sealed record OptimizationProgress(string TenantId, DateOnly Day, double Fraction, double BestKilometers, int Unassigned) : DispatchEvent(TenantId);
