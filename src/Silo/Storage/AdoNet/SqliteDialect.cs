using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Orleans.Storage;

/// <summary>
/// SQLite in WAL mode (set by the schema script): readers never wait for the writer, but there is one writer per
/// file. Writers in this process queue on an async gate shared by every store on the same file, so they wait
/// without blocking threads; the busy timeout covers writers in other processes.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int BusyTimeoutMilliseconds = 5000;

    private readonly string connectionString;
    private readonly SemaphoreSlim gate;

    public SqliteDialect(string storageName, string connectionString) : base(storageName, "@payload")
    {
        var builder = AdoNetConnections.ParseSqlite($"Storage '{storageName}'", connectionString);
        this.connectionString = builder.ToString();
        var file = AdoNetConnections.SqliteFile(builder);
        Target = $"SQLite at {file}";
        gate = AdoNetConnections.SqliteWriteGate(file);
    }

    public override string Target { get; }

    protected override string SchemaResourceName => "AdoNet.Sql.Sqlite.sql";

    protected override SemaphoreSlim? WriteGate => gate;

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection, not per file: pooled connections keep it, new ones need it.
            await using var command = connection.CreateCommand($"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

}
