using System.Data.Common;

namespace Orleans.Storage;

/// <summary>
/// What differs between the databases a store can use: how connections are opened, how writers are queued, the
/// schema script and the few statements that need a dialect's syntax. Everything else is portable SQL: both
/// dialects support ON CONFLICT and RETURNING, and both bind @name parameters.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    private const string StateKey = "grain_type = @type AND grain_key = @key AND state_name = @name";
    private const string ReminderKey = "grain_type = @type AND grain_key = @key AND reminder_name = @name";
    private const string ReminderColumns = "grain_type, grain_key, reminder_name, start_at, period_ms, version";

    protected SqlDialect(string storageName, string jsonParameter)
    {
        StorageName = storageName;
        InsertState = "INSERT INTO orleans_grain_state (grain_type, grain_key, state_name, version, payload, modified_at) " +
            $"VALUES (@type, @key, @name, 1, {jsonParameter}, @now) ON CONFLICT DO NOTHING";
        UpdateState = $"UPDATE orleans_grain_state SET version = @version + 1, payload = {jsonParameter}, modified_at = @now " +
            $"WHERE {StateKey} AND version = @version";
    }

    public static SqlDialect Create(string storageName, AdoNetStorageOptions options)
    {
        options.Validate(storageName);
        return options.Invariant == AdoNetInvariants.PostgreSql
            ? new PostgreSqlDialect(storageName, options.ConnectionString)
            : new SqliteDialect(storageName, options.ConnectionString);
    }

    public string StorageName { get; }

    /// <summary>Where the data lives, for messages: "PostgreSQL at host:port" or "SQLite at path". Never includes credentials.</summary>
    public abstract string Target { get; }

    public string ReadState => $"SELECT version, payload FROM orleans_grain_state WHERE {StateKey}";

    public string ReadStateVersion => $"SELECT version FROM orleans_grain_state WHERE {StateKey}";

    /// <summary>Inserts version 1 or does nothing when the record exists: a lost race shows as 0 rows, not as an error.</summary>
    public string InsertState { get; }

    public string UpdateState { get; }

    // Clearing keeps the row as a tombstone (no payload, next version) so an ETag from before the clear can never
    // overwrite a record created after it.
    public string ClearState => $"UPDATE orleans_grain_state SET version = @version + 1, payload = NULL, modified_at = @now WHERE {StateKey} AND version = @version";

    public string ReadReminders => $"SELECT {ReminderColumns} FROM orleans_reminders";

    public string ReadReminder => $"SELECT {ReminderColumns} FROM orleans_reminders WHERE {ReminderKey}";

    public string UpsertReminder =>
        $"INSERT INTO orleans_reminders ({ReminderColumns}) VALUES (@type, @key, @name, @start, @period, 1) " +
        "ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET start_at = excluded.start_at, " +
        "period_ms = excluded.period_ms, version = orleans_reminders.version + 1 RETURNING version";

    public string UpdateReminder =>
        "UPDATE orleans_reminders SET start_at = @start, period_ms = @period, version = version + 1 " +
        $"WHERE {ReminderKey} AND version = @version RETURNING version";

    public string DeleteReminder => $"DELETE FROM orleans_reminders WHERE {ReminderKey} AND version = @version";

    /// <summary>The schema script, embedded in this assembly from Sql/; the same text an operator can run by hand.</summary>
    protected abstract string SchemaResourceName { get; }

    /// <summary>Queues writers in this process; null when the database handles concurrent writers itself.</summary>
    protected virtual SemaphoreSlim? WriteGate => null;

    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> on an open connection, behind the write gate when <paramref name="write"/> is set.</summary>
    public async Task<T> RunAsync<T>(bool write, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var gate = write ? WriteGate : null;
        if (gate is not null) await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await work(connection);
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>
    /// Creates the tables if they do not exist. Failures become <see cref="StorageConfigurationException"/>: at start
    /// an unreachable or unusable database is a configuration problem, and the operator needs one clear line.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            connection = await OpenConnectionAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new StorageConfigurationException($"Storage '{StorageName}': cannot reach {Target}: {Reason(ex)}", ex);
        }

        await using (connection)
        {
            try
            {
                await using var command = connection.CreateCommand(SchemaScript());
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new StorageConfigurationException($"Storage '{StorageName}': cannot create the schema in {Target}: {Reason(ex)}", ex);
            }
        }
    }

    public abstract ValueTask DisposeAsync();

    private string SchemaScript()
    {
        using var stream = typeof(SqlDialect).Assembly.GetManifestResourceStream(SchemaResourceName)
            ?? throw new InvalidOperationException($"The embedded schema script '{SchemaResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The messages of the exception chain ("Failed to connect to ...: Connection refused"), without stack traces.</summary>
    private static string Reason(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal))) messages.Add(message);
        }

        return string.Join(": ", messages);
    }
}
