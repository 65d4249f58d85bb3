using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Customers;

[GenerateSerializer, Alias("op.ContactEmailState")]
public sealed class ContactEmailState
{
    [Id(0)]
    public List<ContactRef> Contacts { get; set; } = [];

    /// <summary>When the last link requests were counted (at most <see cref="ContactEmailGrain.MaxLinkRequests"/>).</summary>
    [Id(1)]
    public List<DateTimeOffset> LinkRequests { get; set; } = [];
}

public sealed class ContactEmailGrain([PersistentState("contact-email")] IPersistentState<ContactEmailState> state, DomainClock clock) : Grain, IContactEmailGrain
{
    public const int MaxLinkRequests = 5;

    public static readonly TimeSpan LinkRequestWindow = TimeSpan.FromMinutes(15);

    public async Task AddAsync(ContactRef contact)
    {
        if (state.State.Contacts.Contains(contact)) return;
        state.State.Contacts.Add(contact);
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(ContactRef contact)
    {
        if (!state.State.Contacts.Remove(contact)) return;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ContactRef>> GetAsync() => Task.FromResult<IReadOnlyList<ContactRef>>([.. state.State.Contacts]);

    public async Task<IReadOnlyList<ContactRef>> RequestLinksAsync()
    {
        if (state.State.Contacts.Count == 0) return [];
        // Persisted, so a restart does not hand out a fresh allowance.
        if (!SlidingWindow.TryAdmit(state.State.LinkRequests, clock.GetUtcNow(), MaxLinkRequests, LinkRequestWindow)) return [];
        await state.WriteStateAsync();
        return [.. state.State.Contacts];
    }
}
