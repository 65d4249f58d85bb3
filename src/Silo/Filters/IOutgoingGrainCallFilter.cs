namespace Orleans;

/// <summary>Runs around every grain call as it is sent, on the caller's side (tenant checks, tracing, metrics).</summary>
public interface IOutgoingGrainCallFilter
{
    Task Invoke(IOutgoingGrainCallContext context);
}

/// <summary>The context of an outgoing call.</summary>
public interface IOutgoingGrainCallContext : IGrainCallContext;
