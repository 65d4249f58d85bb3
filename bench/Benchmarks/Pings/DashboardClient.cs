using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Pings;

/// <summary>
/// A dispatcher's live map, as far as the benchmark needs one: a SignalR JSON-protocol connection (the .NET SignalR
/// client cannot be restored here) that records, for every position received, how long ago the server accepted it,
/// and the newest fix time it has seen per technician.
/// </summary>
internal sealed class DashboardClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private readonly WebSocket _socket;
    private readonly List<double> _latenciesMs = [];
    private readonly List<(DateTimeOffset Arrived, double WorstMs)> _messages = [];   // under _latenciesMs's lock
    private readonly ConcurrentDictionary<string, DateTimeOffset> _newest = new(StringComparer.Ordinal);
    private Task? _reader;
    private volatile bool _recording;

    public long PositionsReceived;

    private DashboardClient(WebSocket socket) => _socket = socket;

    public static async Task<DashboardClient> ConnectAsync(Uri server, string cookie)
    {
        var hub = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = "/hubs/live-map" }.Uri;
        var client = new DashboardClient(BlockingWebSocket.Connect(hub, cookie));
        await client._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        client._reader = Task.Factory.StartNew(client.Read, TaskCreationOptions.LongRunning);
        return client;
    }

    /// <summary>Starts a fresh latency sample.</summary>
    public void StartRecording()
    {
        lock (_latenciesMs)
        {
            _latenciesMs.Clear();
            _messages.Clear();
        }

        _recording = true;
    }

    public double[] StopRecording()
    {
        _recording = false;
        lock (_latenciesMs) return [.. _latenciesMs];
    }

    /// <summary>Per second since recording started: the worst lag of a position that arrived in it, to see when a tail happened.</summary>
    public double[] WorstLagPerSecond()
    {
        lock (_latenciesMs)
        {
            if (_messages.Count == 0) return [];
            var start = _messages[0].Arrived;
            return [.. _messages.GroupBy(m => (int)(m.Arrived - start).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Max(m => m.WorstMs))];
        }
    }

    /// <summary>Whether a position of <paramref name="technicianId"/> with a fix at least as new as <paramref name="time"/> has arrived.</summary>
    public bool HasSeen(string technicianId, DateTimeOffset time) => _newest.TryGetValue(technicianId, out var newest) && newest >= time;

    // The reader must cost little per position, or on a busy machine the dashboard itself becomes the lag it measures:
    // one pass over the bytes with Utf8JsonReader, times parsed in place, one lock per message. It has a thread of its
    // own and blocks in each receive (BlockingWebSocket): the senders' continuations fill this process's thread pool,
    // and a reader queued behind them would drain its socket late (a dispatcher's browser runs on another machine).
    private void Read()
    {
        var buffer = new byte[1 << 20];
        var length = 0;
        var latencies = new List<double>();
        while (_socket.State == WebSocketState.Open)
        {
            if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            ValueWebSocketReceiveResult result;
            try
            {
                result = _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close) return;
            length += result.Count;
            if (!result.EndOfMessage) continue;
            var arrived = DateTimeOffset.UtcNow;
            latencies.Clear();
            var start = 0;
            for (var i = 0; i < length; i++)
            {
                if (buffer[i] != RecordSeparator) continue;
                if (i > start) Handle(buffer.AsSpan(start, i - start), arrived, latencies);
                start = i + 1;
            }

            length = 0;
            if (latencies.Count > 0 && _recording)
            {
                lock (_latenciesMs)
                {
                    _latenciesMs.AddRange(latencies);
                    _messages.Add((arrived, latencies.Max()));
                }
            }
        }
    }

    /// <summary>Reads a Positions invocation: for each position its id, fix time and acceptance time.</summary>
    private void Handle(ReadOnlySpan<byte> frame, DateTimeOffset arrived, List<double> latencies)
    {
        if (frame.IndexOf("\"target\":\"Positions\""u8) < 0) return;
        var reader = new Utf8JsonReader(frame);
        var depth = -1;
        string? id = null;
        DateTimeOffset time = default, accepted = default;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray when depth < 0 && reader.CurrentDepth == 2:
                    depth = reader.CurrentDepth + 1; // the first argument: the array of positions
                    break;
                case JsonTokenType.StartObject when reader.CurrentDepth == depth:
                    (id, time, accepted) = (null, default, default);
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == depth + 1:
                    if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = reader.GetString(); }
                    else if (reader.ValueTextEquals("time"u8)) { reader.Read(); time = reader.GetDateTimeOffset(); }
                    else if (reader.ValueTextEquals("receivedAt"u8)) { reader.Read(); accepted = reader.GetDateTimeOffset(); }
                    break;
                case JsonTokenType.EndObject when reader.CurrentDepth == depth:
                    Interlocked.Increment(ref PositionsReceived);
                    if (id is not null) _newest.AddOrUpdate(id, static (_, seen) => seen, static (_, known, seen) => known > seen ? known : seen, time);
                    if (_recording) latencies.Add((arrived - accepted).TotalMilliseconds);
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        if (_reader is not null) await _reader;
        _socket.Dispose();
    }
}
