using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansPortal.Testing.Workload;

/// <summary>
/// A dispatcher's writes of record, one after another through one address while the app is killed or loses its
/// database: a ticket's status change (on hold and back, each with a reason of its own), a message on a customer's
/// chat thread, a new ticket. Each carries a marker no other write has, so its effect can be found (or not) in the
/// database afterwards. A write answered 2xx is acknowledged; one answered with an error status is refused (it must
/// have left nothing behind); one whose connection broke or timed out is unknown and counts as neither.
/// </summary>
public sealed class OfficeWrites(Uri entry, Company company, string customerId, string propertyId, IReadOnlyList<string> tickets) : IAsyncDisposable
{
    private CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<OfficeWrite> _acknowledged = new();
    private readonly ConcurrentQueue<OfficeWrite> _refused = new();
    private readonly Dictionary<string, string?> _ticketStatus = tickets.ToDictionary(t => t, _ => (string?)"New");
    private string _prefix = "w";
    private Task? _loop;
    private int _n;

    public IReadOnlyCollection<OfficeWrite> Acknowledged => _acknowledged;

    public IReadOnlyCollection<OfficeWrite> Refused => _refused;

    /// <summary>Starts writing; <paramref name="prefix"/> goes into every marker (a round's name, say).</summary>
    public void Start(string prefix)
    {
        _prefix = prefix;
        _stop = new CancellationTokenSource();
        _loop = Task.Run(RunAsync);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    private async Task RunAsync()
    {
        var dispatcher = company.Dispatcher(entry);
        while (!_stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _n);
            // Fixed width and a closing dot, so no marker is a prefix of another.
            var marker = $"{_prefix}-{n:D6}.";
            try
            {
                var (write, answered) = (n % 3) switch
                {
                    0 => await ChangeTicketAsync(dispatcher, tickets[n / 3 % tickets.Count], marker),
                    1 => await PostChatAsync(dispatcher, marker),
                    _ => await CreateTicketAsync(dispatcher, marker),
                };
                (answered ? _acknowledged : _refused).Enqueue(write);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The connection broke or timed out: the app may or may not have applied it. Neither kind.
                if (n % 3 == 0) _ticketStatus[tickets[n / 3 % tickets.Count]] = null;
            }

            try
            {
                await Task.Delay(25, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Puts the ticket on hold or resumes it; after an unclear answer the status is read again first.</summary>
    private async Task<(OfficeWrite, bool)> ChangeTicketAsync(HttpClient dispatcher, string ticket, string marker)
    {
        var status = _ticketStatus[ticket];
        if (status is null)
        {
            using var read = await dispatcher.GetAsync($"/api/v1/tickets/{ticket}");
            read.EnsureSuccessStatusCode(); // a failed read is not a write: it ends this attempt as unknown
            status = _ticketStatus[ticket] = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
        }

        using var response = await dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticket}/status", new { status = status == "OnHold" ? "New" : "OnHold", reason = marker });
        _ticketStatus[ticket] = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() : null;
        return (new OfficeWrite("status change", ticket, marker), response.IsSuccessStatusCode);
    }

    private async Task<(OfficeWrite, bool)> PostChatAsync(HttpClient dispatcher, string marker)
    {
        using var response = await dispatcher.PostAsJsonAsync($"/api/v1/conversations/customer:{customerId}/messages", new { text = marker });
        var key = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()! : "";
        return (new OfficeWrite("chat message", key, marker), response.IsSuccessStatusCode);
    }

    private async Task<(OfficeWrite, bool)> CreateTicketAsync(HttpClient dispatcher, string marker)
    {
        using var response = await dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId,
            propertyId,
            location = new { latitude = 41.15, longitude = -8.61 },
            address = "Rua de Santa Catarina 1, Porto",
            description = marker,
            requiredSkills = Array.Empty<string>(),
            estimatedMinutes = 30,
        });
        var key = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()! : "";
        return (new OfficeWrite("new ticket", key, marker), response.IsSuccessStatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}

/// <summary>One write: what it was, the id it wrote to or created (empty when refused), and its marker.</summary>
public sealed record OfficeWrite(string Kind, string Key, string Marker);
