using System.Data.Common;

namespace OrleansPortal.Silo.Storage.Schema;

/// <summary>
/// What both database kinds share: inside the caller's transaction (which already holds the migration lock), make the
/// version table, then run and record each script not recorded yet, module by module, in version order.
/// </summary>
internal static class SchemaRunner
{
    public const string VersionTable = "orleansportal_schema_version";

    public static async Task ApplyPendingAsync(
        DbTransaction transaction, string createVersionTable, IReadOnlyList<SchemaModule> modules, string where, CancellationToken cancellationToken)
    {
        await ExecuteAsync(transaction, createVersionTable, cancellationToken);
        var applied = await ReadAppliedAsync(transaction, cancellationToken);

        foreach (var module in modules)
        {
            foreach (var script in module.Scripts.Where(s => !applied.Contains((module.Name, s.Version))).OrderBy(s => s.Version))
            {
                try
                {
                    await ExecuteAsync(transaction, script.Sql, cancellationToken);
                    await RecordAsync(transaction, module.Name, script, cancellationToken);
                }
                catch (DbException ex)
                {
                    throw new StorageConfigurationException(
                        $"Schema script {module.Name}/{script.Version:D4}-{script.Name} failed on the {where}: {SchemaMigrator.OneLine(ex.Message)}", ex);
                }
            }
        }
    }

    private static async Task<HashSet<(string Module, int Version)>> ReadAppliedAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new HashSet<(string, int)>();
        await using var command = Command(transaction, $"SELECT module, version FROM {VersionTable}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) applied.Add((reader.GetString(0), reader.GetInt32(1)));
        return applied;
    }

    private static async Task RecordAsync(DbTransaction transaction, string module, SchemaScript script, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, $"INSERT INTO {VersionTable} (module, version, name) VALUES (@module, @version, @name)");
        AddParameter(command, "module", module);
        AddParameter(command, "version", script.Version);
        AddParameter(command, "name", script.Name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
