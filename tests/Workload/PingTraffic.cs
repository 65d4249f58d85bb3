using System.Collections.Concurrent;

namespace OrleansPortal.Testing.Workload;

/// <summary>A technician of the fleet, with the phone's device token and a lane of its own on the map.</summary>
public sealed record FleetTechnician(string TenantId, string Id, string Token, int Lane);

/// <summary>
/// Every technician's phone posting a ping per round through one address (the front door), one request per
/// technician, so one technician's failure never hides another's acknowledgement. Fix times are whole milliseconds
/// (as the database keeps them) and strictly increasing per technician; positions move at a walking pace. A request
/// still in flight when its technician's next round comes is not doubled: the round skips that phone.
/// </summary>
public sealed class PingTraffic : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<FleetTechnician> _fleet;
    private readonly TimeSpan _interval;
    private CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _acknowledged = new();
    private readonly ConcurrentQueue<(FleetTechnician Technician, DateTimeOffset Time)> _refused = new();
    private readonly ConcurrentDictionary<string, Task> _inFlight = new();
    private Task? _loop;
    private long _failures;

    public PingTraffic(Uri entry, IReadOnlyList<FleetTechnician> fleet, TimeSpan interval)
    {
        _http = new HttpClient { BaseAddress = entry, Timeout = TimeSpan.FromSeconds(30) };
        _fleet = fleet;
        _interval = interval;
        foreach (var technician in fleet) _acknowledged[technician.Id] = new ConcurrentQueue<DateTimeOffset>();
    }

    /// <summary>Requests that got no 200: refused, broken by the kill, or failed while the cluster recovered.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Starts sending, or sends again after <see cref="StopAsync"/>.</summary>
    public void Start()
    {
        _stop = new CancellationTokenSource();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The fix time of the technician's newest acknowledged ping, if any.</summary>
    public DateTimeOffset? LastAcknowledged(string technicianId) =>
        _acknowledged[technicianId].IsEmpty ? null : _acknowledged[technicianId].Max();

    /// <summary>Every acknowledged ping: technician and fix time.</summary>
    public IEnumerable<(FleetTechnician Technician, DateTimeOffset Time)> Acknowledged() =>
        _fleet.SelectMany(t => _acknowledged[t.Id].Select(time => (t, time)));

    /// <summary>Every ping answered with an error status (not a broken connection): none of them may be stored.</summary>
    public IReadOnlyCollection<(FleetTechnician Technician, DateTimeOffset Time)> Refused => _refused;

    private async Task RunAsync()
    {
        for (var round = 0L; !_stop.IsCancellationRequested; round++)
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            foreach (var technician in _fleet)
            {
                if (_inFlight.TryGetValue(technician.Id, out var pending) && !pending.IsCompleted) continue;
                var ping = new Ping(technician.Token, time, 41.10 + technician.Lane * 0.002 + round * 0.000005, -8.61);
                _inFlight[technician.Id] = SendAsync(technician, ping);
            }

            try
            {
                await Task.Delay(_interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_inFlight.Values);
    }

    private async Task SendAsync(FleetTechnician technician, Ping ping)
    {
        try
        {
            using var response = await Pings.PostAsync(_http, [ping]);
            if (response.IsSuccessStatusCode) _acknowledged[technician.Id].Enqueue(ping.Time);
            else
            {
                _refused.Enqueue((technician, ping.Time));
                Interlocked.Increment(ref _failures);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failures); // the connection broke or timed out: not acknowledged
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }
}
