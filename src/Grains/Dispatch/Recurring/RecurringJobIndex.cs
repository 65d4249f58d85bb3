using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary><see cref="IRecurringJobIndex"/> on table <c>recurring_job_series</c> (PostgreSQL or SQLite).</summary>
public sealed class RecurringJobIndex(PortalDatabase database) : IRecurringJobIndex
{
    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    public const int MaxPageSize = 1000;

    private const string Add =
        "INSERT INTO recurring_job_series (tenant_id, series_id, created_at) VALUES (@tenant, @series, @at) ON CONFLICT (tenant_id, series_id) DO NOTHING";

    private const string FirstPage =
        "SELECT series_id FROM recurring_job_series WHERE tenant_id = @tenant ORDER BY created_at, series_id LIMIT @limit";

    private const string NextPage =
        "SELECT series_id FROM recurring_job_series WHERE tenant_id = @tenant " +
        "AND (created_at, series_id) > (SELECT created_at, series_id FROM recurring_job_series WHERE tenant_id = @tenant AND series_id = @after) " +
        "ORDER BY created_at, series_id LIMIT @limit";

    public Task AddAsync(string tenantId, string seriesId, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(seriesId);
        return database.ExecuteAsync(Add, a => a.Add("@tenant", tenantId).Add("@series", seriesId).AddTime("@at", createdAt), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string tenantId, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        return await database.QueryAsync(after is null ? FirstPage : NextPage, a =>
        {
            a.Add("@tenant", tenantId).Add("@limit", limit);
            if (after is not null) a.Add("@after", after);
        }, r => r.GetString(0), cancellationToken);
    }
}
