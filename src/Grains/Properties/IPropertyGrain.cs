using Orleans;

namespace OrleansPortal.Grains.Properties;

/// <summary>
/// A customer's property (a site), keyed "{tenantId}:{propertyId}": where it is, what is installed there, how to get in,
/// and an append-only timeline of everything done there.
/// </summary>
[Alias("op.IPropertyGrain")]
public interface IPropertyGrain : IGrainWithStringKey
{
    /// <summary>Creates the property for a customer, with a first timeline entry; throws <see cref="ConflictException"/> if it exists.</summary>
    Task<PropertySnapshot> CreateAsync(string customerId, PropertyDetails details);

    /// <summary>Throws <see cref="NotFoundException"/> for a property never created.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<PropertySnapshot> GetAsync();

    /// <summary>Replaces the details (the owning customer never changes) and notes the change in the timeline.</summary>
    Task<PropertySnapshot> UpdateAsync(PropertyDetails details);

    /// <summary>Appends an entry stamped now; entries are never changed or removed.</summary>
    Task<PropertySnapshot> AppendTimelineAsync(string kind, string text, string? ticketId);
}

[GenerateSerializer, Immutable, Alias("op.PropertyDetails")]
public sealed record PropertyDetails(string Name, string Address, GeoPoint Location, string AccessNotes, IReadOnlyList<EquipmentItem> Equipment);

[GenerateSerializer, Immutable, Alias("op.EquipmentItem")]
public sealed record EquipmentItem(string Kind, string MakeModel, DateOnly? InstalledOn, string Notes);

[GenerateSerializer, Immutable, Alias("op.TimelineEntry")]
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text, string? TicketId);

[GenerateSerializer, Immutable, Alias("op.PropertySnapshot")]
public sealed record PropertySnapshot(string TenantId, string PropertyId, string CustomerId, PropertyDetails Details, IReadOnlyList<TimelineEntry> Timeline);
