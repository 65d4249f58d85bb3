using Orleans.Storage;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class, created before its first test and deleted after its last.
/// Tests in the class share it, so each test uses fresh grain keys.
/// </summary>
public abstract class StorageDatabaseFixture : IAsyncLifetime
{
    /// <summary>Options pointing at this fixture's database; a new instance each time, so a test may change it.</summary>
    public abstract AdoNetStorageOptions CreateOptions();

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
