using Orleans;

namespace OrleansPortal.Grains.Support.Sla;

/// <summary>A case's two SLA clocks, kept in the case's state.</summary>
[GenerateSerializer, Alias("op.CaseSla")]
public sealed class CaseSla
{
    [Id(0)] public SlaClock FirstResponse { get; set; } = new();
    [Id(1)] public SlaClock Resolution { get; set; } = new();

    public DateTimeOffset? NextCheck =>
        (FirstResponse.NextCheck, Resolution.NextCheck) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            (var a, var b) => a ?? b,
        };
}

/// <summary>How one target of a case stands, as the desk shows it: its due time, or the business time left while paused.</summary>
[GenerateSerializer, Immutable, Alias("op.SlaTimer")]
public sealed record SlaTimer(SlaState State, int? TargetMinutes, DateTimeOffset? Due, int? MinutesLeftWhilePaused)
{
    public static SlaTimer Of(SlaClock clock, DateTimeOffset now) =>
        new(clock.StateAt(now), clock.TargetMinutes, clock.Due, clock.LeftWhilePaused is { } left ? (int)Math.Ceiling(left.TotalMinutes) : null);
}
