using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Grains.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test class, created before its first test and deleted after its last.
/// Tests in the class share it, so each test uses fresh tenant and technician ids.
/// </summary>
public abstract class HistoryDatabase : IAsyncLifetime
{
    /// <summary>Options pointing at this database; a new instance each time, so a test may change it.</summary>
    public abstract PingHistoryOptions CreateOptions();

    /// <summary>Options for the same kind of database where nothing can be reached.</summary>
    public abstract PingHistoryOptions CreateUnreachableOptions();

    /// <summary>Runs SQL behind the history's back, to break or repair the database under it.</summary>
    public abstract Task ExecuteAsync(string sql);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
