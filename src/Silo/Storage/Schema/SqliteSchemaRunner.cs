using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OrleansPortal.Silo.Storage.Schema;

/// <summary>
/// Migrations on SQLite: one BEGIN IMMEDIATE transaction, which takes the file's write lock up front (waiting, with
/// Microsoft.Data.Sqlite's busy retry, for any other writer), so two processes starting together take turns.
/// Also switches the file to WAL, which the providers and the app's own tables rely on for readers beside the writer.
/// </summary>
internal static class SqliteSchemaRunner
{
    private const string CreateVersionTable = $"""
        CREATE TABLE IF NOT EXISTS {SchemaRunner.VersionTable}
        (
            module     TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            name       TEXT    NOT NULL,
            applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
            PRIMARY KEY (module, version)
        )
        """;

    public static async Task ApplyAsync(string connectionString, IReadOnlyList<SchemaModule> modules, CancellationToken cancellationToken)
    {
        var builder = AdoNetConnections.ParseSqlite("Schema migration", connectionString);
        var file = AdoNetConnections.SqliteFile(builder);
        var where = $"SQLite database file '{file}'";

        await using var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Persistent in the file; outside any transaction, as SQLite requires. Also the first read, so a file
            // that is not a database fails here, as "cannot open".
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw new StorageConfigurationException($"Cannot open the {where}: {SchemaMigrator.OneLine(ex.Message)}", ex);
        }

        try
        {
            // No in-process write gate: the lock is the file's, so a migrator in another process is kept out the same way.
            await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
            await SchemaRunner.ApplyPendingAsync(transaction, CreateVersionTable, modules, where, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new StorageConfigurationException($"Schema migration failed on the {where}: {SchemaMigrator.OneLine(ex.Message)}", ex);
        }
    }
}
