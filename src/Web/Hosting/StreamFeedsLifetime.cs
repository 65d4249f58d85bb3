namespace OrleansPortal.Web.Hosting;

/// <summary>
/// Unsubscribes every <see cref="IStreamFeed"/> in the host's "stopping" phase, which runs before any hosted service
/// stops, the silo among them (a subscription cannot be removed once its silo is gone).
/// </summary>
internal sealed class StreamFeedsLifetime(IEnumerable<IStreamFeed> feeds) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.WhenAll(feeds.Select(f => f.UnsubscribeAllAsync()));

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
