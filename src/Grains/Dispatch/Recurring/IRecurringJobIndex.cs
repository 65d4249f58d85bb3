namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>
/// Every tenant's recurring series, in a table of their own (not one grain's list rewritten on each new series), so a
/// company can have any number; every read is scoped by tenant.
/// </summary>
public interface IRecurringJobIndex
{
    /// <summary>Adds the series once; adding it again changes nothing (its first creation time stays).</summary>
    Task AddAsync(string tenantId, string seriesId, DateTimeOffset createdAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the tenant's series ids, oldest first (then by id): at most <paramref name="limit"/>, after the series
    /// <paramref name="after"/> (null for the first page; one not in this tenant's index gives an empty page). An id may
    /// name a series whose creation failed after it was indexed.
    /// </summary>
    Task<IReadOnlyList<string>> ListAsync(string tenantId, string? after, int limit, CancellationToken cancellationToken = default);
}
