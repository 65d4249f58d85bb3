using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Technicians;

/// <summary>
/// A tenant's technicians: pages of the roster with each technician's full record (for the API), and the live map's
/// snapshot, read from the tables in one query without activating a grain, so it costs the same on a cold cluster.
/// </summary>
public sealed class TechnicianDirectory(IClusterClient grains, ITechnicianRoster roster)
{
    /// <summary>Up to <paramref name="limit"/> technicians by name after <paramref name="after"/>, and the id to continue after if there are more.</summary>
    public async Task<TechnicianPage> ListAsync(string tenantId, string? after, int limit)
    {
        var entries = await roster.ListAsync(tenantId, after, limit + 1); // one more says whether a next page exists
        var page = entries.Take(limit).ToList();
        var technicians = await Task.WhenAll(page.Select(e => grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, e.TechnicianId)).GetAsync()));
        return new TechnicianPage(technicians, entries.Count > limit ? page[^1].TechnicianId : null);
    }

    /// <summary>
    /// Every technician of the tenant with name, status and latest position: every ping answered before the call, on
    /// any node, is in it, since a ping is answered only once stored.
    /// </summary>
    public Task<IReadOnlyList<LiveTechnician>> LiveSnapshotAsync(string tenantId, CancellationToken cancellationToken = default) =>
        roster.ReadLiveAsync(tenantId, cancellationToken);
}

/// <summary>One page of technicians; <see cref="Next"/> is the id the next page starts after, null on the last page.</summary>
public sealed record TechnicianPage(IReadOnlyList<TechnicianSnapshot> Technicians, string? Next);
