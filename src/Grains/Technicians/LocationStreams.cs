using Orleans.Runtime;

namespace OrleansPortal.Grains.Technicians;

/// <summary>
/// Where positions are published. Per technician ("technician-location/{tenant}:{tech}") for subscribers that
/// follow one technician (its route, a customer's live ETA); per tenant ("tenant-locations/{tenant}") for those
/// that watch the whole fleet (the dispatchers' live map, the dispatch grain), which cannot subscribe implicitly
/// to every technician's key.
/// </summary>
public static class LocationStreams
{
    public const string ProviderName = "StreamProvider";
    public const string TechnicianNamespace = "technician-location";
    public const string TenantNamespace = "tenant-locations";

    public static StreamId ForTechnician(string tenantId, string technicianId) => StreamId.Create(TechnicianNamespace, TenantKeys.For(tenantId, technicianId));

    public static StreamId ForTenant(string tenantId) => StreamId.Create(TenantNamespace, tenantId);
}
