namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Which travel times the planner and the customers' ETAs use: the learned model's version and what it was trained
/// on, or training's stage and progress while it runs. Part of the dispatch group (dispatchers only). The model is the
/// city's, shared by every company on this road graph, so nothing in it belongs to a tenant.
/// </summary>
public static class TravelModelApi
{
    public static RouteGroupBuilder MapTravelModel(this RouteGroupBuilder group)
    {
        group.MapGet("/travel-model", (TravelModelStatus status) => TypedResults.Ok(status.Current))
            .WithSummary("The learned travel-time model in use (version, training data) and training progress.");
        return group;
    }
}
