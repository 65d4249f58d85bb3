using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Cluster;

/// <summary>
/// Phones posting pings at a steady rate: JSON batches of 100, each for 100 different technicians, round-robin over the
/// fleet, to whichever node <see cref="Target"/> names (the front door's choice: node A while it lives, then B). Fix
/// times are the real time of sending, in whole milliseconds as the database keeps them, and positions move at a
/// walking pace. At most <see cref="MaxInFlight"/> batches are pending; a batch due while that many are is not sent
/// (counted as skipped), so a stalled node cannot pile up requests without end.
/// </summary>
internal sealed class PingSender(HttpClient http, ClusterFleet fleet, int pingsPerSecond)
{
    public const int BatchSize = 100;
    private const int MaxInFlight = 64;

    private readonly ConcurrentQueue<(int Technician, long FixMs, DateTimeOffset At)> _acknowledged = new();
    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);
    private long _next;
    private long _failed;
    private long _skipped;

    public volatile Uri Target = http.BaseAddress!;

    public long FailedBatches => Interlocked.Read(ref _failed);

    public long SkippedBatches => Interlocked.Read(ref _skipped);

    /// <summary>Every acknowledged ping: technician index, fix time (Unix ms), when the acknowledgement came.</summary>
    public IReadOnlyCollection<(int Technician, long FixMs, DateTimeOffset At)> Acknowledged => _acknowledged;

    public async Task RunAsync(CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds((double)BatchSize / pingsPerSecond);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var n = 0L; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed)
            {
                try
                {
                    await Task.Delay(due - clock.Elapsed, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            if (!_slots.Wait(0))
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }

            sends.Add(SendAsync());
            sends.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(sends);
    }

    private async Task SendAsync()
    {
        try
        {
            var first = Interlocked.Add(ref _next, BatchSize) - BatchSize;
            var fixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            using var content = new ByteArrayContent(Batch(first, fixMs));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(new Uri(Target, "/api/v1/pings"), content);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _failed);
                return;
            }

            var at = DateTimeOffset.UtcNow;
            for (var n = first; n < first + BatchSize; n++) _acknowledged.Enqueue(((int)(n % fleet.Tokens.Length), fixMs, at));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed); // the connection broke at the kill, or the request timed out: not acknowledged
        }
        finally
        {
            _slots.Release();
        }
    }

    private byte[] Batch(long first, long fixMs)
    {
        var buffer = new ArrayBufferWriter<byte>(BatchSize * 160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("pings");
            for (var n = first; n < first + BatchSize; n++)
            {
                var technician = (int)(n % fleet.Tokens.Length);
                var round = n / fleet.Tokens.Length;
                json.WriteStartObject();
                json.WriteString("device", fleet.Tokens[technician]);
                json.WriteString("time", DateTimeOffset.FromUnixTimeMilliseconds(fixMs));
                json.WriteNumber("lat", 41.10 + technician % 100 * 0.001);
                json.WriteNumber("lon", -8.65 + technician / 100 * 0.001 + round * 0.000005);
                json.WriteNumber("speed", 1.5);
                json.WriteNumber("accuracy", 5);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
