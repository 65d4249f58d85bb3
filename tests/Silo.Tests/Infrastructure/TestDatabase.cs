using OrleansPortal.Silo.Hosting;

namespace OrleansPortal.Silo.Tests.Infrastructure;

/// <summary>An empty database of one kind, made for one test and deleted after it, that the test can also query directly.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>What the silo (or a migrator) is given.</summary>
    public abstract SiloDatabase Silo { get; }

    /// <summary>A short name for messages: the database kind.</summary>
    public abstract string Kind { get; }

    public abstract Task ExecuteAsync(string sql);

    /// <summary>The first column of the first row, as a number.</summary>
    public abstract Task<long> ScalarAsync(string sql);

    /// <summary>Every row, each column as text (NULL as null), in the order the query gives.</summary>
    public abstract Task<IReadOnlyList<string?[]>> RowsAsync(string sql);

    public abstract Task<bool> TableExistsAsync(string name);

    public abstract ValueTask DisposeAsync();
}
