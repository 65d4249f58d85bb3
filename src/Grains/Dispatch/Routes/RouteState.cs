namespace OrleansPortal.Grains.Dispatch.Routes;

public sealed class RouteState
{
    public RoutePlan? Plan { get; set; }

    /// <summary>Per ticket, the ETA last published and whether it was late then: the baseline for the publish threshold.</summary>
    public Dictionary<string, PublishedEta> Published { get; set; } = [];
}

public sealed record PublishedEta(DateTimeOffset Eta, bool Late);
