using System.Buffers;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.LiveMap;

/// <summary>
/// Every technician's phone pinging every <see cref="Period"/>: each tick of 100 ms sends the next slice of the fleet
/// in one JSON batch (POST /api/v1/pings), so the load is even, not a burst every period. Each technician drives a
/// random walk over Porto at about 30 km/h; the fix time is the moment of sending, so the dashboard's lag is measured
/// from it. A tick whose slice is still in flight from the previous round is counted as skipped, not queued.
/// </summary>
internal sealed class FleetTraffic(HttpClient http, IReadOnlyList<string> tokens) : IAsyncDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private const int MaxInFlight = 8;

    private readonly CancellationTokenSource _stop = new();
    private readonly (double Lat, double Lon, double Heading)[] _walk = Start(tokens.Count);
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private Task? _loop;
    private long _sent, _refused, _skipped;

    public long Sent => Interlocked.Read(ref _sent);
    public long Refused => Interlocked.Read(ref _refused);
    public long Skipped => Interlocked.Read(ref _skipped);

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        var slices = (int)(Period / Tick);
        var perSlice = (tokens.Count + slices - 1) / slices;
        using var timer = new PeriodicTimer(Tick);
        var slice = 0;
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            var from = slice * perSlice;
            slice = (slice + 1) % slices;
            if (from >= tokens.Count) continue;
            if (!_inFlight.Wait(0)) { Interlocked.Increment(ref _skipped); continue; }
            _ = SendAsync(from, Math.Min(perSlice, tokens.Count - from));
        }
    }

    private async Task SendAsync(int from, int count)
    {
        try
        {
            using var content = new ByteArrayContent(Batch(from, count));
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/api/v1/pings", content, _stop.Token);
            if (response.IsSuccessStatusCode) Interlocked.Add(ref _sent, count);
            else Interlocked.Add(ref _refused, count);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            Interlocked.Add(ref _refused, count);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private byte[] Batch(int from, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(count * 160);
        var now = DateTimeOffset.UtcNow;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("pings");
            for (var i = from; i < from + count; i++)
            {
                var (lat, lon, heading) = _walk[i] = Step(_walk[i]);
                json.WriteStartObject();
                json.WriteString("device", tokens[i]);
                json.WriteString("time", now);
                json.WriteNumber("lat", Math.Round(lat, 6));
                json.WriteNumber("lon", Math.Round(lon, 6));
                json.WriteNumber("speed", 8.3);
                json.WriteNumber("heading", Math.Round(heading));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // About 42 m per 5 s at 30 km/h, turning a little each time, kept inside Porto's box.
    private static (double, double, double) Step((double Lat, double Lon, double Heading) at)
    {
        var heading = (at.Heading + Random.Shared.Next(-30, 31) + 360) % 360;
        var lat = at.Lat + Math.Cos(heading * Math.PI / 180) * 0.00038;
        var lon = at.Lon + Math.Sin(heading * Math.PI / 180) * 0.0005;
        if (lat is < 41.10 or > 41.20 || lon is < -8.70 or > -8.55) { heading = (heading + 180) % 360; lat = at.Lat; lon = at.Lon; }
        return (lat, lon, heading);
    }

    private static (double, double, double)[] Start(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (41.10 + Random.Shared.NextDouble() * 0.10, -8.70 + Random.Shared.NextDouble() * 0.15, Random.Shared.NextDouble() * 360))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        for (var i = 0; i < MaxInFlight; i++) await _inFlight.WaitAsync();
        _stop.Dispose();
    }
}
