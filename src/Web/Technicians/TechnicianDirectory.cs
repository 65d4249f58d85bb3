using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Technicians;

/// <summary>Lists a tenant's technicians with their live state (for the API and the live map's snapshot).</summary>
public sealed class TechnicianDirectory(IClusterClient grains)
{
    public async Task<TechnicianSnapshot[]> ListAsync(string tenantId)
    {
        var ids = await grains.GetGrain<ICompanyGrain>(tenantId).GetTechnicianIdsAsync();
        return await Task.WhenAll(ids.Select(id => grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, id)).GetAsync()));
    }
}
