using OrleansPortal.Silo.Hosting;

namespace OrleansPortal.Silo.Storage.Schema;

/// <summary>
/// Applies the database schema the ADO.NET providers expect (tables and their named queries), once per process,
/// before clustering and storage start. Also callable before the host starts, so a wrong database fails with one line.
/// </summary>
public sealed class SchemaMigrator(SiloDatabase database) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _applied;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrator), ServiceLifecycleStage.First, ApplyAsync);

    /// <summary>Brings the schema up to date; safe to call from several nodes at once. Throws <see cref="StorageConfigurationException"/>.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_applied) return;
            // TODO(schema): apply the versioned scripts for database.Invariant.
            _ = database;
            _applied = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
