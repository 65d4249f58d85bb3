using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrleansPortal.Cluster.Tests.Infrastructure;

/// <summary>
/// A real SignalR .NET client on one of the app's hubs, signed in by cookie, that records what the server invokes.
/// With <c>reconnect</c> it retries as the pages do (withAutomaticReconnect: 0, 1, 2, 5, 10 and 30 s), to the same
/// address: reaching another node after a failure is the front door's job.
/// </summary>
public sealed class HubRecorder : IAsyncDisposable
{
    private static readonly TimeSpan[] PageRetryDelays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentQueue<string> _history = new();
    private long _sequence;
    private int _reconnects;

    private HubRecorder(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>How many times the connection came back after losing its server.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>A position in what was received, to look only at what came after it.</summary>
    public long Mark => Interlocked.Read(ref _sequence);

    public static async Task<HubRecorder> ConnectAsync(Uri node, string path, string cookie, bool reconnect, params string[] targets)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(node, path), o => o.Headers["Cookie"] = cookie);
        if (reconnect) builder.WithAutomaticReconnect(PageRetryDelays);
        var connection = builder.Build();
        var recorder = new HubRecorder(connection);
        foreach (var target in targets)
            connection.On<JsonElement>(target, argument => recorder._received.Enqueue(new Received(Interlocked.Increment(ref recorder._sequence), target, argument)));
        connection.Reconnected += _ =>
        {
            Interlocked.Increment(ref recorder._reconnects);
            recorder.Note("reconnected");
            return Task.CompletedTask;
        };
        connection.Reconnecting += error =>
        {
            recorder.Note($"reconnecting: {error?.GetType().Name} {error?.Message}");
            return Task.CompletedTask;
        };
        connection.Closed += error =>
        {
            recorder.Note($"closed: {error?.GetType().Name} {error?.Message}");
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        return recorder;
    }

    /// <summary>What happened to the connection (reconnecting, reconnected, closed), for failure messages.</summary>
    public string History() => string.Join('\n', _history);

    private void Note(string what) => _history.Enqueue($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {what}");

    /// <summary>Every invocation of <paramref name="target"/> received after <paramref name="after"/>, first argument only.</summary>
    public IEnumerable<JsonElement> All(string target, long after = 0) =>
        _received.Where(r => r.Sequence > after && r.Target == target).Select(r => r.Argument);

    /// <summary>Waits for an invocation of <paramref name="target"/> after <paramref name="after"/> whose argument satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string target, Func<JsonElement, bool> match, string what, long after = 0, int seconds = 30, Func<string>? context = null)
    {
        JsonElement found = default;
        await Eventually.TrueAsync(() =>
        {
            foreach (var argument in All(target, after))
            {
                if (!match(argument)) continue;
                found = argument;
                return true;
            }

            return false;
        }, what, seconds, () => History() + (context is null ? "" : "\n" + context()));
        return found;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private sealed record Received(long Sequence, string Target, JsonElement Argument);
}
