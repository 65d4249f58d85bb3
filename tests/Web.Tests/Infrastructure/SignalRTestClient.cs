using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>
/// A minimal SignalR client for tests (the .NET client package cannot be restored here): it speaks the JSON hub
/// protocol over a WebSocket (handshake, then messages ending in 0x1E) and collects the server's invocations.
/// </summary>
public sealed class SignalRTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly WebSocket _socket;
    private readonly Channel<(string Target, JsonElement Arguments)> _invocations = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly Task _reader;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _calls = new();
    private int _nextInvocation;

    private SignalRTestClient(WebSocket socket)
    {
        _socket = socket;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Connects with the given cookie header (the signed-in user), or none; throws if the server refuses.</summary>
    public static async Task<SignalRTestClient> ConnectAsync(WebApplicationFactory<Program> app, string path, string? cookie)
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => { if (cookie is not null) request.Headers.Cookie = cookie; };
        var socket = await client.ConnectAsync(new Uri(app.Server.BaseAddress, path), CancellationToken.None);
        var handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        await socket.SendAsync(handshake, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        return new SignalRTestClient(socket);
    }

    /// <summary>Waits for the next invocation of <paramref name="target"/>; returns its first argument.</summary>
    public async Task<JsonElement> NextAsync(string target, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (true)
        {
            var (name, arguments) = await _invocations.Reader.ReadAsync(limit.Token);
            if (name == target) return arguments[0];
        }
    }

    /// <summary>Calls a hub method and waits for its result; a hub error becomes an <see cref="InvalidOperationException"/> with the server's message.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocation).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = completion;
        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }) + RecordSeparator;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Every invocation received so far (without waiting).</summary>
    public List<(string Target, JsonElement Arguments)> Drain()
    {
        var all = new List<(string, JsonElement)>();
        while (_invocations.Reader.TryRead(out var item)) all.Add(item);
        return all;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
            {
                break; // the server or the test closed the connection
            }

            if (result.MessageType == WebSocketMessageType.Close) break;
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            var all = text.ToString();
            var end = all.LastIndexOf(RecordSeparator);
            if (end < 0) continue;
            foreach (var frame in all[..end].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                using var json = JsonDocument.Parse(frame);
                // Type 1 is an invocation, 3 the completion of one of ours; the handshake answer ({}) and pings (type 6) are skipped.
                if (!json.RootElement.TryGetProperty("type", out var type)) continue;
                if (type.GetInt32() == 1)
                    _invocations.Writer.TryWrite((json.RootElement.GetProperty("target").GetString()!, json.RootElement.GetProperty("arguments").Clone()));
                if (type.GetInt32() == 3 && _calls.TryRemove(json.RootElement.GetProperty("invocationId").GetString()!, out var call))
                {
                    if (json.RootElement.TryGetProperty("error", out var error)) call.SetException(new InvalidOperationException(error.GetString()));
                    else call.SetResult(json.RootElement.TryGetProperty("result", out var value) ? value.Clone() : default);
                }
            }

            text.Clear().Append(all[(end + 1)..]);
        }

        _invocations.Writer.TryComplete();
        foreach (var call in _calls.Values) call.TrySetException(new InvalidOperationException("The connection closed."));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Only our close frame: CloseAsync would also wait to receive the server's, racing the reader loop's own
            // receive (the test host then throws IOException). The reader sees the server's close and ends.
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            // The server closed its end between the state check and ours: the connection is gone either way.
        }

        await _reader;
        _socket.Dispose();
    }
}
