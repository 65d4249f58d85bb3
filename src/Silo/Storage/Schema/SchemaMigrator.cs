using OrleansPortal.Silo.Hosting;

namespace OrleansPortal.Silo.Storage.Schema;

/// <summary>
/// Applies the database schema the ADO.NET providers expect (tables and their named queries), once per process,
/// before clustering and storage start. Also callable before the host starts, so a wrong database fails with one line.
/// Each module's scripts run in version order; the versions applied are recorded in
/// <c>orleansportal_schema_version</c> and never run again, so a later change is a new numbered script.
/// Concurrency: nodes starting together serialize on a database lock (PostgreSQL: a transaction-scoped advisory lock;
/// SQLite: BEGIN IMMEDIATE); all pending scripts of one run commit together or not at all.
/// </summary>
public sealed class SchemaMigrator(SiloDatabase database, IEnumerable<SchemaModule> modules) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The module holding Orleans' own tables and queries; always applied first.</summary>
    public const string OrleansModule = "orleans";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _applied;

    public SchemaMigrator(SiloDatabase database) : this(database, []) { }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrator), ServiceLifecycleStage.First, ApplyAsync);

    /// <summary>Brings the schema up to date; safe to call from several nodes at once. Throws <see cref="StorageConfigurationException"/>.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_applied) return;
            List<SchemaModule> all = [SchemaModule.FromEmbeddedScripts(OrleansModule, typeof(SchemaMigrator).Assembly, database), .. modules];
            var repeated = all.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null) throw new InvalidOperationException($"Schema module '{repeated.Key}' is registered twice.");

            if (database.IsPostgreSql) await PostgreSqlSchemaRunner.ApplyAsync(database.ConnectionString, all, cancellationToken);
            else await SqliteSchemaRunner.ApplyAsync(database.ConnectionString, all, cancellationToken);
            _applied = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Database messages can span lines; ours are one.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
