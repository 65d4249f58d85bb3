namespace OrleansPortal.Grains.Companies.Roster;

/// <summary>
/// Every company's technicians, in a table of their own (not in the company grain's state), so adding one costs the
/// same for the first technician and the hundred-thousandth. Each technician's grain keeps its own row up to date
/// (name and status); every read is scoped by tenant, and no call names a row of another tenant.
/// </summary>
public interface ITechnicianRoster
{
    /// <summary>Adds the technician, or updates their name and status: idempotent, one row per (tenant, technician).</summary>
    Task SaveAsync(string tenantId, RosterEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Whether the technician is on the tenant's roster (a point lookup).</summary>
    Task<bool> ContainsAsync(string tenantId, string technicianId, CancellationToken cancellationToken = default);

    Task<int> CountAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the tenant's technicians by name (case-insensitive), then id: at most <paramref name="limit"/>, starting
    /// after the technician <paramref name="after"/> (the previous page's last; null for the first page). An
    /// <paramref name="after"/> that is not on this tenant's roster gives an empty page.
    /// </summary>
    Task<IReadOnlyList<RosterEntry>> ListAsync(string tenantId, string? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every technician of the tenant with their latest position from the ping history (flagged outliers never count),
    /// in one query, without activating a grain: what the live map starts from.
    /// </summary>
    Task<IReadOnlyList<LiveTechnician>> ReadLiveAsync(string tenantId, CancellationToken cancellationToken = default);
}
