namespace OrleansPortal.Grains.Dispatch.Recurring;

public sealed class RecurringJobState
{
    public RecurringJob? Job { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? StoppedAt { get; set; }

    public string? StoppedBy { get; set; }

    /// <summary>Every occurrence that has its ticket, in date order; kept for the life of the series.</summary>
    public List<GeneratedOccurrence> Generated { get; set; } = [];
}
