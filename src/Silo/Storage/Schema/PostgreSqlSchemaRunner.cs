using System.Data.Common;
using Npgsql;

namespace OrleansPortal.Silo.Storage.Schema;

/// <summary>
/// Migrations on PostgreSQL: one transaction holding an advisory lock, so nodes starting together take turns and the
/// second finds the first's work recorded. DDL is transactional here, so a failed script leaves nothing behind.
/// </summary>
internal static class PostgreSqlSchemaRunner
{
    private const string CreateVersionTable = $"""
        CREATE TABLE IF NOT EXISTS {SchemaRunner.VersionTable}
        (
            module     text        NOT NULL,
            version    integer     NOT NULL,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (module, version)
        )
        """;

    // Released at commit or rollback, and when the connection drops: a crashed node cannot leave it held.
    private const string TakeLock = $"SELECT pg_advisory_xact_lock(hashtext('{SchemaRunner.VersionTable}'))";

    public static async Task ApplyAsync(string connectionString, IReadOnlyList<SchemaModule> modules, CancellationToken cancellationToken)
    {
        var builder = AdoNetConnections.ParsePostgreSql("Schema migration", connectionString);
        var where = $"PostgreSQL database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}";

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new StorageConfigurationException($"Cannot open the {where}: {SchemaMigrator.OneLine(ex.Message)}", ex);
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await SchemaRunner.ExecuteAsync(transaction, TakeLock, cancellationToken);
            await SchemaRunner.ApplyPendingAsync(transaction, CreateVersionTable, modules, where, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new StorageConfigurationException($"Schema migration failed on the {where}: {SchemaMigrator.OneLine(ex.Message)}", ex);
        }
    }
}
