using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Grains.Technicians.History;

/// <summary>
/// SQLite in WAL mode (set by the schema script): readers never wait for the writer, but a file has one writer at a
/// time. Batches from every history on the same file queue on one async gate in this process, and the busy timeout
/// covers writers elsewhere (the grain storage on the same file, another process). A batch is multi-row inserts in
/// one transaction, so it costs one commit however many rows it holds.
/// </summary>
internal sealed class SqlitePingStore : PingStore
{
    private const int BusyTimeoutMilliseconds = 5000;
    private const int ParametersPerRow = 12;

    // 250 rows of 12 parameters stay far below SQLite's 32,766-parameter limit, and keep each statement's text small.
    private const int RowsPerStatement = 250;

    private const string AllColumns = "tenant_id, technician_id, " + Columns;
    private const string Key = "tenant_id = @tenant AND technician_id = @technician";

    private const string ReadTrack =
        $"SELECT {Columns} FROM technician_pings WHERE {Key} AND fix_time >= @from AND fix_time < @to ORDER BY fix_time LIMIT @limit";

    private const string ReadLatest =
        $"SELECT {Columns} FROM technician_pings WHERE {Key} AND is_outlier = 0 ORDER BY fix_time DESC LIMIT 1";

    private readonly string connectionString;
    private readonly SemaphoreSlim gate;

    public SqlitePingStore(string connectionString)
    {
        var builder = AdoNetConnections.ParseSqlite("Ping history", connectionString);
        this.connectionString = builder.ToString();
        var file = AdoNetConnections.SqliteFile(builder);
        Target = $"SQLite at {file}";
        gate = AdoNetConnections.SqliteWriteGate(file); // shared with grain storage on the same file
    }

    public override string Target { get; }

    protected override string SchemaResourceName => "PingHistory.Sql.Sqlite.sql";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection, not per file: pooled connections keep it, new ones need it.
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task WriteAsync(IReadOnlyList<PingRecord> batch, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
            // BEGIN IMMEDIATE: take the write lock up front, so waiting for it goes through the busy timeout.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            SqliteCommand? fullInsert = null;
            try
            {
                for (var start = 0; start < batch.Count; start += RowsPerStatement)
                {
                    var rows = Math.Min(RowsPerStatement, batch.Count - start);
                    // The full-size statement is prepared once per batch and rebound; only the tail gets its own.
                    var insert = rows == RowsPerStatement
                        ? fullInsert ??= CreateInsert(connection, transaction, rows)
                        : CreateInsert(connection, transaction, rows);
                    Bind(insert, batch, start, rows);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    if (insert != fullInsert) await insert.DisposeAsync();
                }
            }
            finally
            {
                if (fullInsert is not null) await fullInsert.DisposeAsync();
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A NaN coordinate, and SQLite's CONSTRAINT, MISMATCH and TOOBIG, are about the values, not the database.</summary>
    public override bool IsRejectedData(Exception exception) =>
        exception is ArgumentException or SqliteException { SqliteErrorCode: 18 or 19 or 20 };

    public override async Task<IReadOnlyList<PingRecord>> ReadTrackAsync(
        string tenantId, string technicianId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadTrack;
        command.Parameters.AddWithValue("@tenant", tenantId);
        command.Parameters.AddWithValue("@technician", technicianId);
        command.Parameters.AddWithValue("@from", StoredValues.BoundUnixMicroseconds(from));
        command.Parameters.AddWithValue("@to", StoredValues.BoundUnixMicroseconds(to));
        command.Parameters.AddWithValue("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var track = new List<PingRecord>();
        while (await reader.ReadAsync(cancellationToken)) track.Add(ReadRecord(reader, tenantId, technicianId, ReadTime));
        return track;
    }

    public override async Task<PingRecord?> ReadLatestAsync(string tenantId, string technicianId, CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadLatest;
        command.Parameters.AddWithValue("@tenant", tenantId);
        command.Parameters.AddWithValue("@technician", technicianId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader, tenantId, technicianId, ReadTime) : null;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// INSERT ... ON CONFLICT DO NOTHING skips only key conflicts (replayed pings), like PostgreSQL. INSERT OR IGNORE
    /// would also skip rows breaking NOT NULL without a word, hiding bad data the writer should log.
    /// </summary>
    private static SqliteCommand CreateInsert(SqliteConnection connection, SqliteTransaction transaction, int rows)
    {
        var sql = new StringBuilder($"INSERT INTO technician_pings ({AllColumns}) VALUES ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < ParametersPerRow; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{row * ParametersPerRow + column}");
                sql.Append(column == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(" ON CONFLICT DO NOTHING").ToString();
        return command;
    }

    private static void Bind(SqliteCommand insert, IReadOnlyList<PingRecord> batch, int start, int rows)
    {
        var parameters = insert.Parameters;
        for (var row = 0; row < rows; row++)
        {
            var record = batch[start + row];
            var fix = record.Fix;
            // The driver would throw InvalidOperationException, which says nothing about whose fault it is.
            if (double.IsNaN(fix.Latitude) || double.IsNaN(fix.Longitude))
            {
                throw new ArgumentException("SQLite cannot store a NaN coordinate.", nameof(batch));
            }

            var at = row * ParametersPerRow;
            parameters[at].Value = record.TenantId;
            parameters[at + 1].Value = record.TechnicianId;
            parameters[at + 2].Value = StoredValues.UnixMicroseconds(StoredValues.Time(fix.Time));
            parameters[at + 3].Value = StoredValues.UnixMicroseconds(StoredValues.Time(record.ReceivedAt));
            parameters[at + 4].Value = fix.Latitude;
            parameters[at + 5].Value = fix.Longitude;
            parameters[at + 6].Value = Measurement(fix.SpeedMetersPerSecond);
            parameters[at + 7].Value = Measurement(fix.HeadingDegrees);
            parameters[at + 8].Value = Measurement(fix.AltitudeMeters);
            parameters[at + 9].Value = Measurement(fix.AccuracyMeters);
            parameters[at + 10].Value = Measurement(fix.BatteryPercent);
            parameters[at + 11].Value = record.IsOutlier ? 1 : 0;
        }
    }

    // Widened back to double for SQLite's REAL: the 32-bit value survives exactly, as PostgreSQL's real keeps it.
    private static object Measurement(double? value) => StoredValues.Measurement(value) is { } stored ? (double)stored : DBNull.Value;

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => StoredValues.FromUnixMicroseconds(reader.GetInt64(ordinal));

}
