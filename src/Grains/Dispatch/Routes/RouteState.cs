using Orleans;

namespace OrleansPortal.Grains.Dispatch.Routes;

[GenerateSerializer, Alias("op.RouteState")]
public sealed class RouteState
{
    [Id(0)]
    public RoutePlan? Plan { get; set; }

    /// <summary>Per ticket, the ETA last published and whether it was late (or arriving) then: the baseline for the publish threshold.</summary>
    [Id(1)]
    public Dictionary<string, PublishedEta> Published { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("op.PublishedEta")]
public sealed record PublishedEta(DateTimeOffset Eta, bool Late, bool Arriving = false);
