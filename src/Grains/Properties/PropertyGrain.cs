using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Properties;

public sealed class PropertyGrain([PersistentState("property")] IPersistentState<PropertyState> state, DomainClock clock) : Grain, IPropertyGrain
{
    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string PropertyId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<PropertySnapshot> CreateAsync(string customerId, PropertyDetails details)
    {
        if (state.State.Details is not null) throw new ConflictException($"Property {PropertyId} already exists.");
        state.State.CustomerId = customerId;
        state.State.Details = details;
        state.State.Timeline.Add(new TimelineEntry(clock.GetUtcNow(), "created", "Property added.", null));
        await state.WriteStateAsync();
        return Snapshot();
    }

    public Task<PropertySnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<PropertySnapshot> UpdateAsync(PropertyDetails details)
    {
        EnsureExists();
        if (Same(state.State.Details!, details)) return Snapshot();
        state.State.Details = details;
        state.State.Timeline.Add(new TimelineEntry(clock.GetUtcNow(), "updated", "Property details updated.", null));
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<PropertySnapshot> AppendTimelineAsync(string kind, string text, string? ticketId)
    {
        EnsureExists();
        state.State.Timeline.Add(new TimelineEntry(clock.GetUtcNow(), kind, text, ticketId));
        await state.WriteStateAsync();
        return Snapshot();
    }

    private void EnsureExists()
    {
        if (state.State.Details is null) throw new NotFoundException($"Property {PropertyId} does not exist.");
    }

    private PropertySnapshot Snapshot()
    {
        EnsureExists();
        return new PropertySnapshot(TenantId, PropertyId, state.State.CustomerId!, state.State.Details!, [.. state.State.Timeline]);
    }

    private static readonly IReadOnlyList<EquipmentItem> NoEquipment = [];

    // Records compare lists by reference, so the equipment is compared item by item.
    private static bool Same(PropertyDetails a, PropertyDetails b) =>
        a with { Equipment = NoEquipment } == b with { Equipment = NoEquipment } && a.Equipment.SequenceEqual(b.Equipment);
}
