using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OrleansPortal.Grains.Technicians.History;
using OrleansPortal.Silo.Hosting;
using OrleansPortal.Silo.Storage;

namespace OrleansPortal.Grains.Storage;

/// <summary>
/// The app's own tables beside grain state (the company's technician roster, the team's inbox, the tenant's
/// recurring series, the customer directory, notification opt-outs), on the cluster's one database. Their schema is the "portal" <see cref="Silo.Storage.Schema.SchemaModule"/>
/// (scripts in <c>Storage/Schema/</c>), applied by the silo's migrator at start.
/// <para>
/// Every statement is one autocommit statement, so each write is atomic and durable when it returns. Times are stored
/// as the ping history stores them: UTC truncated to the microsecond, <c>timestamptz</c> on PostgreSQL and integer
/// microseconds since the Unix epoch on SQLite.
/// </para>
/// Concurrency: thread-safe. Each call takes its own connection (PostgreSQL: from the pool shared with the other
/// stores on this database); on SQLite, writes queue on the file's process-wide write gate, shared with the ping
/// history, and the busy timeout covers writers in other processes.
/// </summary>
public sealed class PortalDatabase : IAsyncDisposable
{
    private const int SqliteBusyTimeoutMilliseconds = 5000;

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;
    private readonly SemaphoreSlim? _sqliteWrites;

    public PortalDatabase(SiloDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsPostgreSql)
        {
            _postgres = AdoNetConnections.AcquirePostgreSql(AdoNetConnections.ParsePostgreSql("Portal tables", database.ConnectionString));
        }
        else
        {
            var builder = AdoNetConnections.ParseSqlite("Portal tables", database.ConnectionString);
            _sqlite = builder.ToString();
            _sqliteWrites = AdoNetConnections.SqliteWriteGate(AdoNetConnections.SqliteFile(builder));
        }
    }

    public bool IsPostgreSql => _postgres is not null;

    /// <summary>Runs one statement that changes rows; returns how many it changed.</summary>
    internal async Task<int> ExecuteAsync(string sql, Action<SqlArguments> bind, CancellationToken cancellationToken)
    {
        if (_sqliteWrites is not null) await _sqliteWrites.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = Command(connection, sql, bind);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _sqliteWrites?.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> and, only if it changed rows, <paramref name="then"/>, in one transaction: a status
    /// and the log row that explains it are stored together or not at all. Returns how many rows the change changed.
    /// </summary>
    internal async Task<int> ExecuteThenAsync(string change, Action<SqlArguments> bindChange, string then, Action<SqlArguments> bindThen, CancellationToken cancellationToken)
    {
        if (_sqliteWrites is not null) await _sqliteWrites.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var first = Command(connection, change, bindChange);
            first.Transaction = transaction;
            var changed = await first.ExecuteNonQueryAsync(cancellationToken);
            if (changed > 0)
            {
                await using var second = Command(connection, then, bindThen);
                second.Transaction = transaction;
                await second.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return changed;
        }
        finally
        {
            _sqliteWrites?.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on one connection: committed when it returns, rolled back when it
    /// throws, so its writes are stored together or not at all.
    /// </summary>
    internal async Task<T> TransactAsync<T>(Func<PortalTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_sqliteWrites is not null) await _sqliteWrites.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(new PortalTransaction(this, connection, transaction, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _sqliteWrites?.Release();
        }
    }

    /// <summary>Runs one statement that changes rows and returns some of them (<c>RETURNING</c>), mapping each.</summary>
    internal async Task<List<T>> ChangeAndReadAsync<T>(string sql, Action<SqlArguments> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        if (_sqliteWrites is not null) await _sqliteWrites.WaitAsync(cancellationToken);
        try
        {
            return await QueryAsync(sql, bind, map, cancellationToken);
        }
        finally
        {
            _sqliteWrites?.Release();
        }
    }

    /// <summary>Runs one query and maps every row it returns.</summary>
    internal async Task<List<T>> QueryAsync<T>(string sql, Action<SqlArguments> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, bind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>A whole number as either database answers it: PostgreSQL's COUNT and sums are bigint, a date difference integer; SQLite's all 64-bit.</summary>
    internal static long ReadLong(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stored time, read back as UTC.</summary>
    internal DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        IsPostgreSql ? reader.GetFieldValue<DateTimeOffset>(ordinal) : StoredValues.FromUnixMicroseconds(reader.GetInt64(ordinal));

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await AdoNetConnections.ReleasePostgreSqlAsync(_postgres);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken);

        var connection = new SqliteConnection(_sqlite);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection, not per file: pooled connections keep it, new ones need it.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {SqliteBusyTimeoutMilliseconds}";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    internal DbCommand Command(DbConnection connection, string sql, Action<SqlArguments> bind)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(new SqlArguments(command, IsPostgreSql));
        return command;
    }
}
