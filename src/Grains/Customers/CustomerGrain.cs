using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Customers;

public sealed class CustomerGrain([PersistentState("customer")] IPersistentState<CustomerState> state, DomainClock clock) : Grain, ICustomerGrain
{
    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string CustomerId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<CustomerSnapshot> CreateAsync(NewCustomer customer)
    {
        if (state.State.Name is not null) throw new ConflictException($"Customer {CustomerId} already exists.");
        state.State.Name = customer.Name;
        state.State.Kind = customer.Kind;
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return Snapshot();
    }

    public Task<CustomerSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<CustomerContact> AddContactAsync(NewContact contact)
    {
        EnsureExists();
        if (state.State.Contacts.Any(c => c.Email == contact.Email))
            throw new ConflictException($"{contact.Email} is already a contact of this customer.");
        var foreign = contact.GrantedPropertyIds.Except(state.State.PropertyIds).ToList();
        if (foreign.Count > 0) throw new ConflictException($"Not properties of this customer: {string.Join(", ", foreign)}.");

        // Only property managers are limited to grants; a grant on anyone else would suggest a limit that does not apply.
        var granted = contact.Role == ContactRole.PropertyManager ? contact.GrantedPropertyIds.Distinct().ToList() : [];
        var added = new CustomerContact(TenantKeys.NewId(), contact.Name, contact.Email, contact.Phone, contact.Role, granted, NotificationPreferences.Default);
        state.State.Contacts.Add(added);
        await state.WriteStateAsync();
        // Indexed after the write: a failure here leaves a contact who cannot sign in yet, never an index entry naming nobody.
        await GrainFactory.GetGrain<IContactEmailGrain>(contact.Email).AddAsync(new ContactRef(TenantId, CustomerId, added.ContactId));
        return added;
    }

    public async Task AddPropertyAsync(string propertyId)
    {
        EnsureExists();
        if (state.State.PropertyIds.Contains(propertyId)) return;
        state.State.PropertyIds.Add(propertyId);
        await state.WriteStateAsync();
    }

    public Task<CustomerContact> GetContactAsync(string contactId) => Task.FromResult(Contact(contactId));

    public Task<IReadOnlyList<string>> GetVisiblePropertyIdsAsync(string contactId)
    {
        var contact = Contact(contactId);
        IReadOnlyList<string> visible = contact.Role == ContactRole.PropertyManager
            ? [.. state.State.PropertyIds.Where(contact.GrantedPropertyIds.Contains)]
            : [.. state.State.PropertyIds];
        return Task.FromResult(visible);
    }

    public async Task<CustomerContact> SetPreferencesAsync(string contactId, NotificationPreferences preferences)
    {
        var contact = Contact(contactId);
        if (contact.Preferences == preferences) return contact;
        var changed = contact with { Preferences = preferences };
        state.State.Contacts[state.State.Contacts.IndexOf(contact)] = changed;
        await state.WriteStateAsync();
        return changed;
    }

    private CustomerContact Contact(string contactId)
    {
        EnsureExists();
        return state.State.Contacts.FirstOrDefault(c => c.ContactId == contactId) ?? throw new NotFoundException($"Contact {contactId} does not exist.");
    }

    private void EnsureExists()
    {
        if (state.State.Name is null) throw new NotFoundException($"Customer {CustomerId} does not exist.");
    }

    private CustomerSnapshot Snapshot()
    {
        EnsureExists();
        var s = state.State;
        return new CustomerSnapshot(TenantId, CustomerId, s.Name!, s.Kind, s.CreatedAt, [.. s.Contacts], [.. s.PropertyIds]);
    }
}
