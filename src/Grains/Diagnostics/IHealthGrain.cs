using Orleans;

namespace OrleansPortal.Grains.Diagnostics;

/// <summary>Proves the silo works end to end: a grain activates, and its state round-trips through storage.</summary>
[Alias("op.IHealthGrain")]
public interface IHealthGrain : IGrainWithStringKey
{
    /// <summary>Writes a heartbeat to storage and returns how many this grain has written since it was first stored.</summary>
    Task<HealthReport> CheckAsync();
}

[GenerateSerializer, Immutable, Alias("op.HealthReport")]
public sealed record HealthReport(long Heartbeats, DateTimeOffset CheckedAt);
