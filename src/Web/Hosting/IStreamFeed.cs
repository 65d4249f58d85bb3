namespace OrleansPortal.Web.Hosting;

/// <summary>
/// An adapter from the grains' Orleans streams to this node's SignalR connections. Its subscriptions belong to the
/// node's co-hosted client, so they are dropped when the node stops, while its silo still runs: the cluster then
/// forgets them, instead of delivering to a node that is gone.
/// </summary>
public interface IStreamFeed
{
    Task UnsubscribeAllAsync();
}
