using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Properties;

namespace OrleansPortal.Web.Properties;

public sealed record PropertyDto(
    string Id,
    string CustomerId,
    string Name,
    string Address,
    GeoPoint Location,
    string AccessNotes,
    IReadOnlyList<EquipmentItem> Equipment,
    IReadOnlyList<TimelineEntry> Timeline);

public static class PropertyDtoMapping
{
    public static PropertyDto AsDto(this PropertySnapshot p) =>
        new(p.PropertyId, p.CustomerId, p.Details.Name, p.Details.Address, p.Details.Location, p.Details.AccessNotes, p.Details.Equipment, p.Timeline);

    /// <summary>The tenant's properties with these ids, in that order, read in parallel.</summary>
    public static async Task<PropertyDto[]> LoadAsync(IClusterClient grains, string tenantId, IEnumerable<string> propertyIds) =>
        [.. (await Task.WhenAll(propertyIds.Select(id => grains.GetGrain<IPropertyGrain>(TenantKeys.For(tenantId, id)).GetAsync()))).Select(p => p.AsDto())];
}
