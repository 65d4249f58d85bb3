using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Persistence;

namespace OrleansPortal.Grains.Customers;

/// <summary>
/// What follows each stored change (the email index, the directory row) runs through
/// <see cref="FollowUps.RunAfterStoredAsync"/>: the change is durable once written, and the directory row is built from
/// the state as it is when the step runs, so a retried step never puts back an older row.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState("customer")] IPersistentState<CustomerState> state,
    ICustomerDirectory directory,
    DomainClock clock,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
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
        await ListAsync();
        return Snapshot();
    }

    public Task<CustomerSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<CustomerSnapshot> UpdateAsync(NewCustomer details)
    {
        EnsureExists();
        if (state.State.Name == details.Name && state.State.Kind == details.Kind) return Snapshot();
        state.State.Name = details.Name;
        state.State.Kind = details.Kind;
        await state.WriteStateAsync();
        await ListAsync();
        return Snapshot();
    }

    public async Task<CustomerContact> AddContactAsync(NewContact contact)
    {
        EnsureExists();
        CheckContact(contact, except: null);
        var added = new CustomerContact(TenantKeys.NewId(), contact.Name, contact.Email, contact.Phone, contact.Role, Grants(contact), NotificationPreferences.Default);
        state.State.Contacts.Add(added);
        await state.WriteStateAsync();
        // Indexed after the write: a failure here leaves a contact who cannot sign in yet, never an index entry naming nobody.
        await IndexEmailAsync(added, add: true);
        await ListAsync();
        return added;
    }

    public async Task<CustomerContact> UpdateContactAsync(string contactId, NewContact contact)
    {
        var current = Contact(contactId);
        CheckContact(contact, except: contactId);
        var changed = current with { Name = contact.Name, Email = contact.Email, Phone = contact.Phone, Role = contact.Role, GrantedPropertyIds = Grants(contact) };
        if (changed with { GrantedPropertyIds = [] } == current with { GrantedPropertyIds = [] } && changed.GrantedPropertyIds.SequenceEqual(current.GrantedPropertyIds))
            return current;
        state.State.Contacts[state.State.Contacts.IndexOf(current)] = changed;
        await state.WriteStateAsync();
        if (changed.Email != current.Email)
        {
            // The new address can sign in once indexed; the old one can ask for links no more (the sender also checks
            // that the address is still the contact's, so an old entry that outlives a failed removal sends nothing).
            await IndexEmailAsync(changed, add: true);
            await IndexEmailAsync(current, add: false);
        }
        await ListAsync();
        return changed;
    }

    public async Task RemoveContactAsync(string contactId)
    {
        var contact = Contact(contactId);
        state.State.Contacts.Remove(contact);
        await state.WriteStateAsync();
        await IndexEmailAsync(contact, add: false);
        await ListAsync();
    }

    public async Task AddPropertyAsync(string propertyId)
    {
        EnsureExists();
        if (state.State.PropertyIds.Contains(propertyId)) return;
        state.State.PropertyIds.Add(propertyId);
        await state.WriteStateAsync();
        await ListAsync();
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

    public Task<CustomerContact> SetMarketingAsync(string contactId, NotificationChannel channel, bool marketing)
    {
        var preferences = Contact(contactId).Preferences;
        return SetPreferencesAsync(contactId, channel switch
        {
            NotificationChannel.Email => preferences with { Email = preferences.Email with { Marketing = marketing } },
            NotificationChannel.Sms => preferences with { Sms = preferences.Sms with { Marketing = marketing } },
            _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Only email and SMS have a marketing switch."),
        });
    }

    /// <summary>Refuses an email another contact of this customer has, and grants of properties that are not this customer's.</summary>
    private void CheckContact(NewContact contact, string? except)
    {
        if (state.State.Contacts.Any(c => c.Email == contact.Email && c.ContactId != except))
            throw new ConflictException($"{contact.Email} is already a contact of this customer.");
        var foreign = contact.GrantedPropertyIds.Except(state.State.PropertyIds).ToList();
        if (foreign.Count > 0) throw new ConflictException($"Not properties of this customer: {string.Join(", ", foreign)}.");
    }

    // Only property managers are limited to grants; a grant on anyone else would suggest a limit that does not apply.
    private static IReadOnlyList<string> Grants(NewContact contact) =>
        contact.Role == ContactRole.PropertyManager ? [.. contact.GrantedPropertyIds.Distinct()] : [];

    private Task IndexEmailAsync(CustomerContact contact, bool add)
    {
        var index = GrainFactory.GetGrain<IContactEmailGrain>(contact.Email);
        var entry = new ContactRef(TenantId, CustomerId, contact.ContactId);
        return add
            ? this.RunAfterStoredAsync(logger, "indexing a contact's email", () => index.AddAsync(entry))
            : this.RunAfterStoredAsync(logger, "unindexing a contact's old email", () => index.RemoveAsync(entry));
    }

    /// <summary>The directory row, as the state is when the step runs (a retry writes the latest, never an older row).</summary>
    private Task ListAsync() => this.RunAfterStoredAsync(logger, "the customer directory row", () => directory.SaveAsync(Snapshot()));

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
