namespace OrleansPortal.Grains.Properties;

public sealed class PropertyState
{
    public string? CustomerId { get; set; }

    public PropertyDetails? Details { get; set; }

    public List<TimelineEntry> Timeline { get; set; } = [];
}
