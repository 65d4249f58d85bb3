using Npgsql;

namespace OrleansPortal.Silo.Storage;

/// <summary>
/// One pooled data source per connection string, shared by every store that uses it (grain state, PubSubStore,
/// reminders): separate pools for the same database would multiply connections past the server's limit under load.
/// Reference-counted, so the pool closes when its last store is disposed.
/// </summary>
internal static class SharedPostgreSqlDataSources
{
    private static readonly Dictionary<string, (NpgsqlDataSource Source, int Users)> Sources = [];

    public static NpgsqlDataSource Acquire(NpgsqlConnectionStringBuilder builder)
    {
        // A connection going back to the pool is not reset: nothing here leaves session state on a connection (no LISTEN,
        // no session settings, advisory locks only for a transaction; the ping store's staging table is a temporary table
        // meant to stay). With prepared statements the reset is seven statements sent ahead of the next use's first, and
        // under load they were most of what the server ran.
        builder = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { NoResetOnClose = true };
        var key = builder.ConnectionString;
        lock (Sources)
        {
            var entry = Sources.TryGetValue(key, out var existing) ? existing : (NpgsqlDataSource.Create(builder), 0);
            Sources[key] = (entry.Item1, entry.Item2 + 1);
            return entry.Item1;
        }
    }

    public static ValueTask ReleaseAsync(NpgsqlDataSource source)
    {
        lock (Sources)
        {
            var key = Sources.First(s => ReferenceEquals(s.Value.Source, source)).Key;
            var users = Sources[key].Users - 1;
            if (users > 0)
            {
                Sources[key] = (source, users);
                return ValueTask.CompletedTask;
            }

            Sources.Remove(key);
        }

        return source.DisposeAsync();
    }
}
