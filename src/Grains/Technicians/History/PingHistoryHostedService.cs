using Microsoft.Extensions.Hosting;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// Ties the ping history to the host's lifetime through the lifecycle hooks that run around every hosted service,
/// so it does not depend on registration order: the table exists before any service (the silo among them) starts,
/// and the final drain runs after every service has stopped, when deactivating grains have appended their last pings.
/// </summary>
internal sealed class PingHistoryHostedService(PingHistory history) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => history.InitializeAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Bounded by the host's shutdown timeout: a database still down by then loses what is queued, with an error log.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken) => history.StopAsync(cancellationToken);
}
