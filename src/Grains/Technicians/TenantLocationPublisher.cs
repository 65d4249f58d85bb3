using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// One per node, between the technician grains and the "tenant-locations/{tenant}" streams. Grains hand it every new
/// position (<see cref="Add"/> returns at once); it publishes, per tenant, one <see cref="TechnicianPositionsChanged"/>
/// per window holding the newest position of each technician heard in it. So a tenant's stream carries at most one
/// event per node per window, whatever the ping rate, and each event at most one position per technician.
/// <para>
/// Concurrency: any thread may add, under <c>_gate</c>. The first position after a quiet spell opens a window; when
/// it closes, the window's positions are published, one publication at a time: if the stream is slow, positions
/// meanwhile gather in the next window (newer ones replacing older), so a slow stream makes windows longer rather
/// than queueing work. Positions are live data, superseded by the next ping: one that cannot be published is logged
/// and dropped, and what is pending when the node stops is dropped.
/// </para>
/// </summary>
public sealed partial class TenantLocationPublisher : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly ILogger<TenantLocationPublisher> _logger;
    private readonly TimeSpan _window;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private PositionWindow _pending = new();
    private PositionWindow _spare = new();   // the window published last, emptied, to take over from _pending
    private bool _windowOpen;   // under _gate: a window is open or being published; Add need not start one
    private IStreamProvider? _streams;
    private volatile bool _stopped;

    public TenantLocationPublisher(IServiceProvider services, TimeProvider time, LocationPublishingOptions options, ILogger<TenantLocationPublisher> logger)
    {
        _services = services;
        _logger = logger;
        _window = options.TenantWindow;
        _timer = time.CreateTimer(_ => _ = PublishWindowAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Queues <paramref name="change"/> for its tenant's next event; never blocks on the stream.</summary>
    public void Add(TechnicianPositionChanged change)
    {
        lock (_gate)
        {
            _pending.Add(change);
            if (_windowOpen || _stopped) return;
            _windowOpen = true;
        }

        _timer.Change(_window, Timeout.InfiniteTimeSpan);
    }

    private async Task PublishWindowAsync()
    {
        PositionWindow closed;
        lock (_gate)
        {
            closed = _pending;
            _pending = _spare;
        }

        try
        {
            IReadOnlyList<TechnicianPositionsChanged> events;
            try
            {
                events = closed.ToEvents();
            }
            finally
            {
                // Only this method swaps windows, one publication at a time, so the closed one is free to reuse.
                closed.Clear();
                _spare = closed;
            }

            var streams = _streams ??= _services.GetRequiredKeyedService<IStreamProvider>(LocationStreams.ProviderName);
            await Task.WhenAll(events.Select(e => PublishAsync(streams, e)));
        }
        finally
        {
            // Whatever happened to this window, positions that came meanwhile get theirs: one window from now.
            bool more;
            lock (_gate) more = _windowOpen = !_pending.IsEmpty;
            if (more && !_stopped) _timer.Change(_window, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task PublishAsync(IStreamProvider streams, TechnicianPositionsChanged positions)
    {
        try
        {
            await streams.GetStream<TechnicianPositionsChanged>(LocationStreams.ForTenant(positions.TenantId)).OnNextAsync(positions);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            // A queue that is full or unreachable: the next window carries newer positions anyway.
            LogPublishFailed(_logger, ex, positions.Positions.Count, positions.TenantId);
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopped = true;
        return _timer.DisposeAsync();
    }

    [LoggerMessage(1, LogLevel.Warning, "Could not publish {Count} positions of tenant {TenantId}; newer ones follow")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count, string tenantId);
}
