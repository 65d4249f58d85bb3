using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Fleet;

/// <summary>
/// A dispatcher opening the live map, as far as this benchmark needs: a SignalR JSON-protocol WebSocket connection
/// (handshake, then records ending in 0x1E), timed from the start of the connection to the last byte of the
/// Snapshot message. Records may span WebSocket messages, so bytes are kept until their separator arrives.
/// </summary>
internal static class SnapshotClient
{
    private const byte RecordSeparator = 0x1e;

    /// <summary>Connects, waits for the snapshot, and returns how long it took, how many technicians it held, and how many had a position.</summary>
    public static async Task<(TimeSpan Elapsed, int Technicians, int Positioned)> MeasureAsync(Uri server, string cookie, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        var hub = new UriBuilder(server) { Scheme = server.Scheme == "https" ? "wss" : "ws", Path = "/hubs/live-map" }.Uri;

        var clock = Stopwatch.StartNew();
        await socket.ConnectAsync(hub, limit.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, limit.Token);

        // Everything received stays in one buffer; only new bytes are searched for separators, so a large record costs
        // one pass however many WebSocket messages carry it.
        var received = new ArrayBufferWriter<byte>(1 << 20);
        var recordStart = 0;
        while (true)
        {
            var scanFrom = received.WrittenCount;
            var result = await socket.ReceiveAsync(received.GetMemory(1 << 16), limit.Token);
            if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The hub closed the connection before the snapshot.");
            received.Advance(result.Count);
            for (var at = scanFrom; at < received.WrittenCount; at++)
            {
                if (received.WrittenSpan[at] != RecordSeparator) continue;
                var elapsed = clock.Elapsed; // the record is complete: parsing it is the client's business
                var record = received.WrittenMemory[recordStart..at];
                recordStart = at + 1;
                using var json = JsonDocument.Parse(record);
                var root = json.RootElement;
                if (!root.TryGetProperty("target", out var target) || target.GetString() != "Snapshot") continue;
                var technicians = root.GetProperty("arguments")[0];
                var positioned = technicians.EnumerateArray().Count(t => t.GetProperty("position").ValueKind == JsonValueKind.Object);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
                return (elapsed, technicians.GetArrayLength(), positioned);
            }
        }
    }
}
