namespace Orleans;

/// <summary>
/// Runs around every call a grain receives, inside the grain's turn. Register silo-wide with
/// ISiloBuilder.AddIncomingGrainCallFilter, or implement it on a grain class to filter that grain's calls.
/// </summary>
public interface IIncomingGrainCallFilter
{
    Task Invoke(IIncomingGrainCallContext context);
}

/// <summary>The context of an incoming call.</summary>
public interface IIncomingGrainCallContext : IGrainCallContext;
