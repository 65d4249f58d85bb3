namespace OrleansPortal.Grains.Technicians;

/// <summary>How positions reach the location streams.</summary>
public sealed class LocationPublishingOptions
{
    public const string SectionName = "LocationPublishing";

    /// <summary>
    /// How long a node gathers a tenant's positions before publishing them as one event: it bounds the events per
    /// second on a tenant's stream (one per node per window), and adds at most this much to a position's way to the map.
    /// </summary>
    public TimeSpan TenantWindow { get; set; } = TimeSpan.FromMilliseconds(50);
}
