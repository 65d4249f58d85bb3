using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Technicians.History;

namespace OrleansPortal.Web.Technicians;

/// <summary>
/// A tenant's technicians: pages of the roster with each technician's full record (for the API), and the live map's
/// snapshot, read from the tables in one query without activating a grain, so it costs the same on a cold cluster.
/// </summary>
public sealed class TechnicianDirectory(IClusterClient grains, ITechnicianRoster roster, IPingHistory history)
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
    /// Every technician of the tenant with name, status and latest position. Pings this node accepted before the call
    /// are in it (the history is flushed first); a ping another node holds in its queue may be missing, and reaches
    /// the live map as a position change like any later one.
    /// </summary>
    public async Task<IReadOnlyList<LiveTechnician>> LiveSnapshotAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await history.FlushAsync(cancellationToken).WaitAsync(IPingHistory.ReadYourWritesTimeout, cancellationToken);
        return await roster.ReadLiveAsync(tenantId, cancellationToken);
    }
}

/// <summary>One page of technicians; <see cref="Next"/> is the id the next page starts after, null on the last page.</summary>
public sealed record TechnicianPage(IReadOnlyList<TechnicianSnapshot> Technicians, string? Next);
