using System.Text;
using Npgsql;

namespace OrleansPortal.Testing.Workload;

/// <summary>
/// What the database holds, read directly, to judge writes without going through the app: grain state is stored as
/// Orleans-serialized bytes in which strings stay UTF-8, so a write's marker is found by its bytes; pings are rows.
/// </summary>
public sealed class StoredWrites(string database)
{
    // Unpooled: a pooled connection from before a database crash would fail the first read after it.
    private readonly string connectionString = new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;

    /// <summary>The markers that occur in some grain's stored state.</summary>
    public async Task<HashSet<string>> MarkersFoundAsync(IEnumerable<string> markers)
    {
        var payloads = new List<byte[]>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT payload FROM orleans_grain_state WHERE payload IS NOT NULL", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) payloads.Add((byte[])reader[0]);
        }

        return [.. markers.Where(marker =>
        {
            var bytes = Encoding.UTF8.GetBytes(marker);
            return payloads.Any(payload => payload.AsSpan().IndexOf(bytes) >= 0);
        })];
    }

    /// <summary>Every stored ping of the tenant: technician and fix time (whole milliseconds, as the traffic sends them).</summary>
    public async Task<HashSet<(string TechnicianId, long UnixMilliseconds)>> PingsAsync(string tenantId)
    {
        var pings = new HashSet<(string, long)>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT technician_id, fix_time FROM technician_pings WHERE tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) pings.Add((reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero).ToUnixTimeMilliseconds()));
        return pings;
    }
}
