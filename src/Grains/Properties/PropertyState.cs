using Orleans;

namespace OrleansPortal.Grains.Properties;

[GenerateSerializer, Alias("op.PropertyState")]
public sealed class PropertyState
{
    [Id(0)]
    public string? CustomerId { get; set; }

    [Id(1)]
    public PropertyDetails? Details { get; set; }

    [Id(2)]
    public List<TimelineEntry> Timeline { get; set; } = [];
}
