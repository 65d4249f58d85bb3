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
    private readonly ClientWebSocket _socket = new();
    private readonly List<double> _latenciesMs = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _newest = new(StringComparer.Ordinal);
    private Task? _reader;
    private volatile bool _recording;

    public long PositionsReceived;

    public static async Task<DashboardClient> ConnectAsync(Uri server, string cookie)
    {
        var client = new DashboardClient();
        client._socket.Options.SetRequestHeader("Cookie", cookie);
        var hub = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = "/hubs/live-map" }.Uri;
        await client._socket.ConnectAsync(hub, CancellationToken.None);
        await client._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        client._reader = Task.Run(client.ReadAsync);
        return client;
    }

    /// <summary>Starts a fresh latency sample.</summary>
    public void StartRecording()
    {
        lock (_latenciesMs) _latenciesMs.Clear();
        _recording = true;
    }

    public double[] StopRecording()
    {
        _recording = false;
        lock (_latenciesMs) return [.. _latenciesMs];
    }

    /// <summary>Whether a position of <paramref name="technicianId"/> with a fix at least as new as <paramref name="time"/> has arrived.</summary>
    public bool HasSeen(string technicianId, DateTimeOffset time) => _newest.TryGetValue(technicianId, out var newest) && newest >= time;

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        var pending = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close) return;
            var arrived = DateTimeOffset.UtcNow;
            pending.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            foreach (var frame in Split(pending.ToArray())) Handle(frame, arrived);
            pending.SetLength(0);
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Split(byte[] data)
    {
        var start = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != RecordSeparator) continue;
            if (i > start) yield return data.AsMemory(start, i - start);
            start = i + 1;
        }
    }

    private void Handle(ReadOnlyMemory<byte> frame, DateTimeOffset arrived)
    {
        using var json = JsonDocument.Parse(frame);
        var root = json.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetInt32() != 1 || root.GetProperty("target").GetString() != "Positions") return;
        foreach (var position in root.GetProperty("arguments")[0].EnumerateArray())
        {
            Interlocked.Increment(ref PositionsReceived);
            var time = position.GetProperty("time").GetDateTimeOffset();
            _newest.AddOrUpdate(position.GetProperty("id").GetString()!, time, (_, known) => known > time ? known : time);
            if (!_recording) continue;
            var accepted = position.GetProperty("receivedAt").GetDateTimeOffset();
            lock (_latenciesMs) _latenciesMs.Add((arrived - accepted).TotalMilliseconds);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        if (_reader is not null) await _reader;
        _socket.Dispose();
    }
}
