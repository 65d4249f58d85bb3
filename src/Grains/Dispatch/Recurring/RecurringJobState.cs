using Orleans;

namespace OrleansPortal.Grains.Dispatch.Recurring;

[GenerateSerializer, Alias("op.RecurringJobState")]
public sealed class RecurringJobState
{
    [Id(0)]
    public RecurringJob? Job { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public string CreatedBy { get; set; } = "";

    [Id(3)]
    public DateTimeOffset? StoppedAt { get; set; }

    [Id(4)]
    public string? StoppedBy { get; set; }

    /// <summary>Every occurrence that has its ticket, in date order; kept for the life of the series.</summary>
    [Id(5)]
    public List<GeneratedOccurrence> Generated { get; set; } = [];
}
