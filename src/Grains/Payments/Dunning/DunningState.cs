using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

[GenerateSerializer, Alias("op.DunningState")]
public sealed class DunningState
{
    [Id(0)]
    public DunningCase? Case { get; set; }

    [Id(1)]
    public DunningStatus Status { get; set; }

    [Id(2)]
    public DateTimeOffset OpenedAt { get; set; }

    [Id(3)]
    public List<int> RetryDays { get; set; } = [];

    [Id(4)]
    public List<DunningAttempt> Attempts { get; set; } = [];

    [Id(5)]
    public DateTimeOffset? NextRetryAt { get; set; }

    [Id(6)]
    public string? PausedBy { get; set; }

    [Id(7)]
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Given up and the provider told to stop charging the plan; false while that call is still to be made.</summary>
    [Id(8)]
    public bool CollectionPaused { get; set; }
}
