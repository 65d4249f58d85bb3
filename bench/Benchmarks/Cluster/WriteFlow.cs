using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Benchmarks.Cluster;

/// <summary>
/// Writes of record, one at a time at a steady pace, to whichever node <see cref="Target"/> names: in turn a ticket
/// change (on hold, then back, each with a reason naming the write) and a chat message from the team in the customer's
/// thread. A write is acknowledged when its request succeeded; <see cref="MissingAsync"/> looks each one up afterwards.
/// </summary>
internal sealed class WriteFlow(HttpClient http, ClusterFleet fleet, TimeSpan interval)
{
    private readonly ConcurrentQueue<(string Kind, string Key, string Text)> _acknowledged = new();
    private readonly Dictionary<string, string?> _status = fleet.Tickets.ToDictionary(t => t, _ => (string?)"New");
    private long _failed;

    public volatile Uri Target = http.BaseAddress!;

    public int AcknowledgedCount => _acknowledged.Count;

    public long Failed => Interlocked.Read(ref _failed);

    private string Thread => $"customer:{fleet.CustomerId}";

    public async Task RunAsync(CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                var write = n % 2 == 0 ? await ChangeTicketAsync(fleet.Tickets[n / 2 % fleet.Tickets.Length], n) : await PostMessageAsync(n);
                if (write is { } acknowledged) _acknowledged.Enqueue(acknowledged);
                else Interlocked.Increment(ref _failed);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _failed); // broken by the kill or timed out: not acknowledged
            }

            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<(string, string, string)?> ChangeTicketAsync(string ticket, int n)
    {
        if (_status[ticket] is null)
        {
            using var read = await ClusterFleet.SendAsync(http, HttpMethod.Get, new Uri(Target, $"/api/v1/tickets/{ticket}").ToString(), fleet.Cookie);
            if (!read.IsSuccessStatusCode) return null;
            _status[ticket] = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        }

        var reason = $"bench write {n}";
        using var response = await ClusterFleet.SendAsync(http, HttpMethod.Post, new Uri(Target, $"/api/v1/tickets/{ticket}/status").ToString(), fleet.Cookie,
            new { status = _status[ticket] == "OnHold" ? "New" : "OnHold", reason });
        _status[ticket] = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : null;
        return response.IsSuccessStatusCode ? ("ticket change", ticket, reason) : null;
    }

    private async Task<(string, string, string)?> PostMessageAsync(int n)
    {
        var text = $"bench write {n}";
        using var response = await ClusterFleet.SendAsync(http, HttpMethod.Post, new Uri(Target, $"/api/v1/conversations/{Thread}/messages").ToString(), fleet.Cookie, new { text });
        if (!response.IsSuccessStatusCode) return null;
        return ("chat message", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, text);
    }

    /// <summary>How many acknowledged writes <paramref name="node"/> does not have.</summary>
    public async Task<int> MissingAsync(Uri node)
    {
        var reasons = new Dictionary<string, HashSet<string>>();
        foreach (var ticket in fleet.Tickets)
        {
            using var response = await ClusterFleet.SendAsync(http, HttpMethod.Get, new Uri(node, $"/api/v1/tickets/{ticket}").ToString(), fleet.Cookie);
            response.EnsureSuccessStatusCode();
            var audit = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("audit").EnumerateArray();
            reasons[ticket] = [.. audit.Select(a => a.GetProperty("reason").GetString() ?? "")];
        }

        var messages = new HashSet<string>();
        string? before = null;
        do
        {
            using var response = await ClusterFleet.SendAsync(http, HttpMethod.Get,
                new Uri(node, $"/api/v1/conversations/{Thread}/messages?size=100{(before is null ? "" : "&before=" + before)}").ToString(), fleet.Cookie);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var message in page.GetProperty("messages").EnumerateArray()) messages.Add(message.GetProperty("id").GetString()!);
            before = page.GetProperty("before").GetString();
        }
        while (before is not null);

        return _acknowledged.Count(w => w.Kind == "ticket change" ? !reasons[w.Key].Contains(w.Text) : !messages.Contains(w.Key));
    }
}
