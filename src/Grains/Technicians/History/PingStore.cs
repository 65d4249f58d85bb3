using System.Data.Common;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// What differs between the databases behind <see cref="PingHistory"/>: schema, batch writes and the two reads.
/// Concurrency: <see cref="WriteAsync"/> is called by one writer at a time per instance; reads may run at any time
/// from any thread, alongside the writer.
/// </summary>
internal abstract class PingStore : IAsyncDisposable
{
    public const string Columns = "fix_time, received_at, lat, lon, speed_mps, heading, altitude, accuracy, battery, is_outlier";

    public static PingStore Create(PingHistoryOptions options) =>
        options.Invariant == AdoNetInvariants.PostgreSql
            ? new PostgresPingStore(options.ConnectionString)
            : new SqlitePingStore(options.ConnectionString);

    /// <summary>Where the data lives, for messages: "PostgreSQL at host:port" or "SQLite at path". Never includes credentials.</summary>
    public abstract string Target { get; }

    /// <summary>Opens a connection; an unreachable database throws a <see cref="DbException"/>.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The schema script, embedded from Sql/; the same text an operator can run by hand.</summary>
    protected abstract string SchemaResourceName { get; }

    /// <summary>Stores the batch in one transaction, skipping pings whose key is already stored (or repeated in the batch).</summary>
    public abstract Task WriteAsync(IReadOnlyList<PingRecord> batch, CancellationToken cancellationToken);

    /// <summary>
    /// True when the database refused the values themselves (say a NUL character in an id), so retrying the same
    /// batch can never succeed; false for everything that may heal: a server down, a disk full, a lock timeout.
    /// </summary>
    public abstract bool IsRejectedData(Exception exception);

    public abstract Task<IReadOnlyList<PingRecord>> ReadTrackAsync(
        string tenantId, string technicianId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);

    public abstract Task<PingRecord?> ReadLatestAsync(string tenantId, string technicianId, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates the table if it is missing; failures become one-line <see cref="StorageConfigurationException"/>s.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        DbConnection connection;
        try
        {
            connection = await OpenAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new StorageConfigurationException($"Ping history: cannot reach {Target}: {Reason(ex)}", ex);
        }

        await using (connection)
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SchemaScript();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                throw new StorageConfigurationException($"Ping history: cannot create the schema in {Target}: {Reason(ex)}", ex);
            }
        }
    }

    /// <summary>The messages of the exception chain ("Failed to connect to ...: Connection refused"), without stack traces.</summary>
    public static string Reason(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var message = current.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal))) messages.Add(message);
        }

        return string.Join(": ", messages);
    }

    /// <summary>Reads one row of <see cref="Columns"/> starting at column 0; times through <paramref name="readTime"/>, as each database stores them.</summary>
    protected static PingRecord ReadRecord(DbDataReader reader, string tenantId, string technicianId, Func<DbDataReader, int, DateTimeOffset> readTime)
    {
        var fix = new GpsFix(readTime(reader, 0), reader.GetDouble(2), reader.GetDouble(3))
        {
            SpeedMetersPerSecond = ReadMeasurement(reader, 4),
            HeadingDegrees = ReadMeasurement(reader, 5),
            AltitudeMeters = ReadMeasurement(reader, 6),
            AccuracyMeters = ReadMeasurement(reader, 7),
            BatteryPercent = ReadMeasurement(reader, 8),
        };
        return new PingRecord(tenantId, technicianId, fix, readTime(reader, 1), reader.GetBoolean(9));
    }

    // The stored value is a 32-bit float (a real, or a float widened into SQLite's REAL), so widening it is exact.
    private static double? ReadMeasurement(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private string SchemaScript()
    {
        using var stream = typeof(PingStore).Assembly.GetManifestResourceStream(SchemaResourceName)
            ?? throw new InvalidOperationException($"The embedded schema script '{SchemaResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
