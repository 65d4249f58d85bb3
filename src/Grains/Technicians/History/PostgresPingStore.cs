using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. A batch is binary-copied straight into the table,
/// in one transaction: the cheapest way in, about half the server's work of any other. COPY cannot skip a key that
/// is already stored, though, and the technician grains drop replays only within what they remember, so a batch
/// holding a replay fails whole with a unique violation. That batch, and every batch of the next
/// <see cref="StagedAfterDuplicate"/>, then takes the way that skips duplicates: binary COPY into a session-private
/// staging table (a temporary table writes no WAL; ON COMMIT DELETE ROWS empties it after every batch), moved with one
/// INSERT ... SELECT ... ON CONFLICT DO NOTHING in key order. Replays come in bursts (an app emptying its offline
/// buffer), so one failed COPY a minute at most is the price of the fast way the rest of the time.
/// <para>
/// Two silos inserting the same key at once (only a technician activated on both during a membership change can)
/// may deadlock in the direct COPY; PostgreSQL aborts one, whose retry finds the key stored and takes the staged
/// way, where rows go in key order.
/// </para>
/// </summary>
internal sealed class PostgresPingStore : PingStore
{
    private const string AllColumns = "tenant_id, technician_id, " + Columns;
    private const string Key = "tenant_id = @tenant AND technician_id = @technician";

    private const string CreateStaging =
        "CREATE TEMP TABLE IF NOT EXISTS technician_pings_staging (LIKE technician_pings) ON COMMIT DELETE ROWS";

    private const string Copy = $"COPY technician_pings_staging ({AllColumns}) FROM STDIN (FORMAT BINARY)";

    private const string CopyDirect = $"COPY technician_pings ({AllColumns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>How long batches skip the direct COPY after one failed on a key already stored.</summary>
    public static readonly TimeSpan StagedAfterDuplicate = TimeSpan.FromMinutes(1);

    private const string MoveStaged =
        $"INSERT INTO technician_pings ({AllColumns}) SELECT {AllColumns} FROM technician_pings_staging " +
        "ORDER BY tenant_id, technician_id, fix_time ON CONFLICT DO NOTHING";

    private const string ReadTrack =
        $"SELECT {Columns} FROM technician_pings WHERE {Key} AND fix_time >= @from AND fix_time < @to ORDER BY fix_time LIMIT @limit";

    private const string ReadLatest =
        $"SELECT {Columns} FROM technician_pings WHERE {Key} AND NOT is_outlier ORDER BY fix_time DESC LIMIT 1";

    private readonly NpgsqlDataSource dataSource;
    private NpgsqlConnection? writerConnection; // used by the single writer only
    private long stagedUntil;                    // Environment.TickCount64 before which batches go through staging; writer only

    public PostgresPingStore(string connectionString)
    {
        var builder = AdoNetConnections.ParsePostgreSql("Ping history", connectionString);
        Target = $"PostgreSQL at {builder.Host}:{builder.Port}";
        dataSource = AdoNetConnections.AcquirePostgreSql(builder); // the same pool as grain storage on this database
    }

    public override string Target { get; }

    protected override string SchemaResourceName => "PingHistory.Sql.PostgreSql.sql";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task WriteAsync(IReadOnlyList<PingRecord> batch, CancellationToken cancellationToken)
    {
        if (Environment.TickCount64 >= stagedUntil)
        {
            var connection = writerConnection ??= await OpenWriterAsync(cancellationToken);
            var sessionUsable = false;
            try
            {
                await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
                {
                    await CopyAsync(connection, CopyDirect, batch, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                sessionUsable = true;
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A key already stored: the transaction was rolled back by its disposal, and the session goes on.
                sessionUsable = true;
                stagedUntil = Environment.TickCount64 + (long)StagedAfterDuplicate.TotalMilliseconds;
            }
            finally
            {
                // After any other failure the session may be broken (a dropped socket, an aborted COPY): the next try opens a new one.
                if (!sessionUsable)
                {
                    writerConnection = null;
                    await connection.DisposeAsync();
                }
            }
        }

        await WriteStagedAsync(batch, cancellationToken);
    }

    /// <summary>The batch through the driver's binary importer, one row per ping in the column order of the COPY.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<PingRecord> batch, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var record in batch) await WriteRowAsync(importer, record, cancellationToken);
        await importer.CompleteAsync(cancellationToken);
    }

    private async Task WriteStagedAsync(IReadOnlyList<PingRecord> batch, CancellationToken cancellationToken)
    {
        var connection = writerConnection ??= await OpenWriterAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await CopyAsync(connection, Copy, batch, cancellationToken);
            await using (var move = new NpgsqlCommand(MoveStaged, connection, transaction))
            {
                await move.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // After a failure the session may be broken (a dropped socket, an aborted COPY): start the next try on a new one.
            writerConnection = null;
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Class 22 is "data exception" (a NUL in a text, a value out of range); 54000 is a key too long for the index.</summary>
    public override bool IsRejectedData(Exception exception) => exception switch
    {
        PostgresException { SqlState: var state } => state.StartsWith("22", StringComparison.Ordinal) || state == "54000",
        // The driver refuses values it cannot encode (a string with a lone surrogate) before they reach the server.
        ArgumentException or InvalidCastException or OverflowException => true,
        _ => false,
    };

    public override async Task<IReadOnlyList<PingRecord>> ReadTrackAsync(
        string tenantId, string technicianId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadTrack);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("technician", technicianId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", StoredValues.Bound(from)));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", StoredValues.Bound(to)));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var track = new List<PingRecord>();
        while (await reader.ReadAsync(cancellationToken)) track.Add(ReadRecord(reader, tenantId, technicianId, ReadTime));
        return track;
    }

    public override async Task<PingRecord?> ReadLatestAsync(string tenantId, string technicianId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ReadLatest);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
        command.Parameters.Add(new NpgsqlParameter<string>("technician", technicianId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader, tenantId, technicianId, ReadTime) : null;
    }

    public override async ValueTask DisposeAsync()
    {
        if (writerConnection is { } connection) await connection.DisposeAsync();
        await AdoNetConnections.ReleasePostgreSqlAsync(dataSource);
    }

    private async Task<NpgsqlConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(CreateStaging, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter importer, PingRecord record, CancellationToken cancellationToken)
    {
        var fix = record.Fix;
        await importer.StartRowAsync(cancellationToken);
        await importer.WriteAsync(record.TenantId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(record.TechnicianId, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(StoredValues.Time(fix.Time), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(StoredValues.Time(record.ReceivedAt), NpgsqlDbType.TimestampTz, cancellationToken);
        await importer.WriteAsync(fix.Latitude, NpgsqlDbType.Double, cancellationToken);
        await importer.WriteAsync(fix.Longitude, NpgsqlDbType.Double, cancellationToken);
        await WriteMeasurementAsync(importer, fix.SpeedMetersPerSecond, cancellationToken);
        await WriteMeasurementAsync(importer, fix.HeadingDegrees, cancellationToken);
        await WriteMeasurementAsync(importer, fix.AltitudeMeters, cancellationToken);
        await WriteMeasurementAsync(importer, fix.AccuracyMeters, cancellationToken);
        await WriteMeasurementAsync(importer, fix.BatteryPercent, cancellationToken);
        await importer.WriteAsync(record.IsOutlier, NpgsqlDbType.Boolean, cancellationToken);
    }

    private static Task WriteMeasurementAsync(NpgsqlBinaryImporter importer, double? value, CancellationToken cancellationToken) =>
        StoredValues.Measurement(value) is { } stored
            ? importer.WriteAsync(stored, NpgsqlDbType.Real, cancellationToken)
            : importer.WriteNullAsync(cancellationToken);

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
