using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Inputs;

/// <summary>
/// Everything the app has stored, read from its SQLite file: every grain state with its version and the rows of the
/// app's own tables. Two reads around a refused request must be equal: a refusal writes nothing.
/// </summary>
public static class StoredRows
{
    private static readonly string[] Queries =
    [
        // Not Orleans' stream subscriptions: the live feeds subscribe on their own schedule, whatever a request does.
        // Not dispatch's plans either: the dispatch grain writes them on its own timers and on ticket events that trail
        // the set-up's requests, so its version moves between any two reads (a clean run once saw v1 -> v3 around one
        // refused request). A refused ticket or assignment is checked through the ticket's own state. Nor the visits'
        // notification state, which follows the same trailing ticket events and ETAs, nor the routes dispatch plans from
        // those events, which also write on their own timers when time overtakes a published ETA (a clean run once saw
        // today's route appear around a refused request).
        "SELECT state_name || ' ' || key_ext || ' v' || version FROM orleans_grain_state WHERE state_name NOT IN ('PubSubRendezvousGrain', 'dispatch', 'visit-notifications', 'route')",
        "SELECT 'technician ' || tenant_id || ' ' || technician_id || ' ' || name || ' ' || status FROM company_technicians",
        "SELECT 'thread ' || tenant_id || ' ' || thread_id || ' ' || last_message_at || ' ' || team_unread FROM conversation_threads",
        "SELECT 'series ' || tenant_id || ' ' || series_id FROM recurring_job_series",
    ];

    public static async Task<HashSet<string>> ReadAsync(PortalFactory app)
    {
        var connectionString = app.Services.GetRequiredService<IConfiguration>()["Storage:ConnectionString"];
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var rows = new HashSet<string>();
        foreach (var query in Queries)
        {
            await using var command = new SqliteCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        return rows;
    }

    /// <summary>
    /// Waits until nothing more is written for a second: what the set-up's requests set going (dispatch planning the
    /// assigned job's day, the technician following its route) has finished, so it cannot land around a refused request.
    /// </summary>
    public static async Task SettledAsync(PortalFactory app)
    {
        var quiet = TimeSpan.FromSeconds(1);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var last = await ReadAsync(app);
        var since = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow - since < quiet)
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("The input world kept writing for 30 s after its set-up.");
            await Task.Delay(200);
            var now = await ReadAsync(app);
            if (now.SetEquals(last)) continue;
            (last, since) = (now, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>What differs between two reads, for a failure message; empty when nothing was written.</summary>
    public static string Difference(HashSet<string> before, HashSet<string> after) =>
        string.Join(", ", after.Except(before).Select(r => "+" + r).Concat(before.Except(after).Select(r => "-" + r)));
}
