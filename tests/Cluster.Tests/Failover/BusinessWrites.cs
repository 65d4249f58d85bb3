using OrleansPortal.Testing.Workload;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Cluster.Tests.Infrastructure;

namespace OrleansPortal.Cluster.Tests.Failover;

/// <summary>
/// Writes of record flowing through one address while the cluster loses a node, one at a time, in turn: a ticket
/// change (on hold, then back, each with a reason of its own), a chat message (the customer's and the team's in
/// turn), a booking. A write counts as acknowledged only when its request succeeded; <see cref="MissingAsync"/> then
/// looks for each acknowledged write on a node, and names those it cannot find.
/// </summary>
public sealed class BusinessWrites(Uri entry, Company company, Customer customer, IReadOnlyList<string> tickets, TimeSpan interval) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Write> _acknowledged = new();
    private readonly Dictionary<string, string?> _ticketStatus = tickets.ToDictionary(t => t, _ => (string?)"New");
    private Task? _loop;
    private long _failures;

    public long Failures => Interlocked.Read(ref _failures);

    public IReadOnlyCollection<Write> Acknowledged => _acknowledged;

    public void Start() => _loop = Task.Run(RunAsync);

    private async Task RunAsync()
    {
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            try
            {
                var write = (n % 3) switch
                {
                    0 => await ChangeTicketAsync(tickets[n / 3 % tickets.Count], n),
                    1 => await PostChatAsync(n),
                    _ => await BookAsync(n),
                };
                if (write is null) Interlocked.Increment(ref _failures);
                else _acknowledged.Enqueue(write);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _failures); // the connection broke or timed out: not acknowledged
            }

            try
            {
                await Task.Delay(interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Puts the ticket on hold, or resumes it, with a reason naming this write. After a failure the status is read again first.</summary>
    private async Task<Write?> ChangeTicketAsync(string ticket, int n)
    {
        var dispatcher = company.Dispatcher(entry);
        var status = _ticketStatus[ticket];
        if (status is null)
        {
            using var read = await dispatcher.GetAsync($"/api/v1/tickets/{ticket}");
            if (!read.IsSuccessStatusCode) return null;
            status = _ticketStatus[ticket] = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        }

        var reason = $"write {n}";
        using var response = await dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket}/status", new { status = status == "OnHold" ? "New" : "OnHold", reason });
        _ticketStatus[ticket] = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : null;
        return response.IsSuccessStatusCode ? new Write("ticket change", ticket, reason) : null;
    }

    private async Task<Write?> PostChatAsync(int n)
    {
        var text = $"write {n}";
        var client = n % 2 == 0 ? customer.Owner(entry) : company.Dispatcher(entry);
        var path = n % 2 == 0 ? $"{Customer.PortalChat}/{customer.GeneralThread}/messages" : $"/api/v1/conversations/{customer.GeneralThread}/messages";
        using var response = await client.PostAsJsonAsync(path, new { text });
        if (!response.IsSuccessStatusCode) return null;
        return new Write("chat message", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, text);
    }

    private async Task<Write?> BookAsync(int n)
    {
        var owner = customer.Owner(entry);
        using var offers = await owner.GetAsync($"/api/v1/portal/booking/windows?propertyId={customer.PropertyId}&days=3");
        if (!offers.IsSuccessStatusCode) return null;
        var offer = (await offers.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().FirstOrDefault(o => o.GetProperty("available").GetBoolean());
        if (offer.ValueKind == JsonValueKind.Undefined) return null;
        var description = $"write {n}";
        using var response = await owner.PostAsJsonAsync("/api/v1/portal/service-requests",
            new { propertyId = customer.PropertyId, description, windowStart = offer.GetProperty("start").GetDateTimeOffset() });
        if (!response.IsSuccessStatusCode) return null;
        return new Write("booking", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, description);
    }

    /// <summary>The acknowledged writes that <paramref name="node"/> does not have.</summary>
    public async Task<List<Write>> MissingAsync(Uri node)
    {
        var missing = new List<Write>();
        var audits = new Dictionary<string, HashSet<string>>();
        foreach (var ticket in tickets)
        {
            var audit = (await company.TicketAsync(node, ticket)).GetProperty("audit").EnumerateArray();
            audits[ticket] = [.. audit.Select(a => a.GetProperty("reason").GetString() ?? "")];
        }

        var messages = await ThreadMessageIdsAsync(node);
        foreach (var write in _acknowledged)
        {
            var found = write.Kind switch
            {
                "ticket change" => audits[write.Key].Contains(write.Detail),
                "chat message" => messages.Contains(write.Key),
                _ => (await customer.Owner(node).GetAsync($"/api/v1/portal/jobs/{write.Key}")).IsSuccessStatusCode,
            };
            if (!found) missing.Add(write);
        }

        return missing;
    }

    /// <summary>Every message id of the customer's general thread, as the team reads it, page by page.</summary>
    private async Task<HashSet<string>> ThreadMessageIdsAsync(Uri node)
    {
        var ids = new HashSet<string>();
        string? before = null;
        do
        {
            var page = await company.Dispatcher(node).GetFromJsonAsync<JsonElement>(
                $"/api/v1/conversations/{customer.GeneralThread}/messages?size=100{(before is null ? "" : "&before=" + before)}");
            foreach (var message in page.GetProperty("messages").EnumerateArray()) ids.Add(message.GetProperty("id").GetString()!);
            before = page.GetProperty("before").GetString();
        }
        while (before is not null);
        return ids;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    /// <summary>One acknowledged write: what it was, the id it wrote to or created, and the text that identifies it.</summary>
    public sealed record Write(string Kind, string Key, string Detail);
}
