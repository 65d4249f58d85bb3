using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Cluster;

/// <summary>
/// A dispatcher's live map on one node, speaking SignalR's JSON protocol over a WebSocket, that keeps every position
/// it receives: which technician, the fix's time, when a node accepted the ping (receivedAt) and when it arrived here.
/// Everything runs on one machine, so the node's clock and this one are the same clock.
/// </summary>
internal sealed class LiveMapWatcher : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private readonly ClientWebSocket _socket = new();
    private readonly List<Received> _received = [];
    private Task? _reader;

    public static async Task<LiveMapWatcher> ConnectAsync(Uri node, string cookie)
    {
        var watcher = new LiveMapWatcher();
        watcher._socket.Options.SetRequestHeader("Cookie", cookie);
        var hub = new UriBuilder(node) { Scheme = node.Scheme == "https" ? "wss" : "ws", Path = "/hubs/live-map" }.Uri;
        await watcher._socket.ConnectAsync(hub, CancellationToken.None);
        await watcher._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        watcher._reader = Task.Run(watcher.ReadAsync);
        return watcher;
    }

    /// <summary>Whether the hub is still connected (the benchmark's dashboard is on the node that survives).</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>A copy of every position received so far.</summary>
    public Received[] Snapshot()
    {
        lock (_received) return [.. _received];
    }

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
            var data = pending.ToArray();
            pending.SetLength(0);
            var start = 0;
            for (var i = 0; i < data.Length; i++)
            {
                if (data[i] != RecordSeparator) continue;
                if (i > start) Handle(data.AsMemory(start, i - start), arrived);
                start = i + 1;
            }
        }
    }

    private void Handle(ReadOnlyMemory<byte> frame, DateTimeOffset arrived)
    {
        using var json = JsonDocument.Parse(frame);
        var root = json.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetInt32() != 1 || root.GetProperty("target").GetString() != "Positions") return;
        var positions = root.GetProperty("arguments")[0].EnumerateArray()
            .Select(p => new Received(p.GetProperty("id").GetString()!, p.GetProperty("time").GetDateTimeOffset(), p.GetProperty("receivedAt").GetDateTimeOffset(), arrived))
            .ToList();
        lock (_received) _received.AddRange(positions);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open) await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        if (_reader is not null) await _reader;
        _socket.Dispose();
    }

    /// <param name="Fix">When the phone took the fix.</param>
    /// <param name="Accepted">When a node accepted the ping (the position's receivedAt).</param>
    /// <param name="Arrived">When this dashboard received it.</param>
    public readonly record struct Received(string TechnicianId, DateTimeOffset Fix, DateTimeOffset Accepted, DateTimeOffset Arrived);
}
