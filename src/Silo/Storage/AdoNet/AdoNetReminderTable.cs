using System.Data.Common;
using System.Globalization;
using Orleans.Runtime;

namespace Orleans.Storage;

/// <summary>
/// Reminders in the orleans_reminders table of an ADO.NET store. The ETag is the row's version: an upsert without
/// an ETag inserts or replaces, with one it replaces only that version; a removal needs the current version.
/// Times are stored in UTC at microsecond precision (PostgreSQL's), so every dialect returns the same value.
/// </summary>
public sealed class AdoNetReminderTable : IReminderTable, IAsyncDisposable
{
    private readonly string name;
    private readonly SqlDialect dialect;

    public AdoNetReminderTable(string name, AdoNetStorageOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        this.name = name;
        dialect = SqlDialect.Create(name, options);
    }

    /// <summary>Creates the tables if needed; throws <see cref="StorageConfigurationException"/> when the database cannot be reached.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => dialect.EnsureSchemaAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        dialect.RunAsync<IReadOnlyList<ReminderEntry>>(write: false, async connection =>
        {
            await using var command = connection.CreateCommand(dialect.ReadReminders);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<ReminderEntry>();
            while (await reader.ReadAsync(cancellationToken)) entries.Add(ReadEntry(reader));
            return entries;
        }, cancellationToken);

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default) =>
        dialect.RunAsync(write: false, async connection =>
        {
            await using var command = KeyCommand(connection, dialect.ReadReminder, grainId, reminderName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadEntry(reader) : null;
        }, cancellationToken);

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        long? held = entry.ETag is null ? null : ParseVersion(entry.ETag) ?? throw Conflict(entry);
        var version = await dialect.RunAsync(write: true, async connection =>
        {
            var sql = held is null ? dialect.UpsertReminder : dialect.UpdateReminder;
            await using var command = KeyCommand(connection, sql, entry.GrainId, entry.ReminderName)
                .With("@start", ToStoredTime(entry.StartAt))
                .With("@period", (long)entry.Period.TotalMilliseconds);
            if (held is not null) command.With("@version", held.Value);
            return await command.ScalarInt64Async(cancellationToken);
        }, cancellationToken);

        return version?.ToString(CultureInfo.InvariantCulture) ?? throw Conflict(entry);
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        // An ETag this table never issued cannot match any row.
        if (ParseVersion(eTag) is not { } held) return false;
        return await dialect.RunAsync(write: true, async connection =>
        {
            await using var command = KeyCommand(connection, dialect.DeleteReminder, grainId, reminderName).With("@version", held);
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private InconsistentStateException Conflict(ReminderEntry entry) => new(
        $"Storage '{name}': reminder '{entry.ReminderName}' of grain {entry.GrainId} is not at version {entry.ETag} any more: " +
        "another writer changed or removed it.",
        null, entry.ETag);

    private static DbCommand KeyCommand(DbConnection connection, string sql, GrainId grainId, string reminderName) =>
        connection.CreateCommand(sql).With("@type", grainId.Type).With("@key", grainId.Key).With("@name", reminderName);

    private static ReminderEntry ReadEntry(DbDataReader reader) => new(
        new GrainId(reader.GetString(0), reader.GetString(1)),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        TimeSpan.FromMilliseconds(reader.GetInt64(4)),
        reader.GetInt64(5).ToString(CultureInfo.InvariantCulture));

    private static DateTimeOffset ToStoredTime(DateTimeOffset time)
    {
        var utc = time.UtcTicks;
        return new DateTimeOffset(utc - utc % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    private static long? ParseVersion(string? etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
