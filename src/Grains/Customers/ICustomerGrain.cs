using Orleans;
using OrleansPortal.Grains.Notifications;

namespace OrleansPortal.Grains.Customers;

/// <summary>
/// A customer of a company (a household or a business), keyed "{tenantId}:{customerId}": its contacts, what each
/// contact may see, and the ids of its properties. It keeps the email index (<see cref="IContactEmailGrain"/>) in
/// step with its contacts, so a magic link can find them, and its row of the company's <see cref="ICustomerDirectory"/>
/// in step with its name, kind, contacts and properties.
/// </summary>
[Alias("op.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates the customer; throws <see cref="ConflictException"/> if it exists.</summary>
    Task<CustomerSnapshot> CreateAsync(NewCustomer customer);

    /// <summary>Throws <see cref="NotFoundException"/> for a customer never created.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<CustomerSnapshot> GetAsync();

    /// <summary>Replaces the name and kind; throws <see cref="NotFoundException"/> for a customer never created.</summary>
    Task<CustomerSnapshot> UpdateAsync(NewCustomer details);

    /// <summary>
    /// Adds a contact and indexes its email. Throws <see cref="ConflictException"/> when the email is already a contact of
    /// this customer or a granted property is not this customer's.
    /// </summary>
    Task<CustomerContact> AddContactAsync(NewContact contact);

    /// <summary>
    /// Replaces a contact's name, email, phone, role and grants (its notification preferences stay); a changed email is
    /// indexed and the old one taken out of the index. Throws <see cref="NotFoundException"/> for an unknown contact and
    /// <see cref="ConflictException"/> as <see cref="AddContactAsync"/> does.
    /// </summary>
    Task<CustomerContact> UpdateContactAsync(string contactId, NewContact contact);

    /// <summary>Removes a contact and takes its email out of the index; throws <see cref="NotFoundException"/> for an unknown contact.</summary>
    Task RemoveContactAsync(string contactId);

    /// <summary>Records a property as the customer's (idempotent).</summary>
    Task AddPropertyAsync(string propertyId);

    /// <summary>Throws <see cref="NotFoundException"/> for an unknown contact.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<CustomerContact> GetContactAsync(string contactId);

    /// <summary>
    /// The properties the contact may see: all of the customer's for owners and accounts payable, only those granted to
    /// them (and still the customer's) for property managers. Throws <see cref="NotFoundException"/> for an unknown contact.
    /// </summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<string>> GetVisiblePropertyIdsAsync(string contactId);

    /// <summary>Replaces the contact's notification preferences; throws <see cref="NotFoundException"/> for an unknown contact.</summary>
    Task<CustomerContact> SetPreferencesAsync(string contactId, NotificationPreferences preferences);

    /// <summary>
    /// Turns the contact's marketing switch for one channel (email or SMS) on or off and leaves every other preference as it
    /// is, in one turn, so an unsubscribe never undoes a change the contact made at the same moment. Throws
    /// <see cref="NotFoundException"/> for an unknown contact, <see cref="ArgumentOutOfRangeException"/> for another channel.
    /// </summary>
    Task<CustomerContact> SetMarketingAsync(string contactId, NotificationChannel channel, bool marketing);
}

[GenerateSerializer, Alias("op.CustomerKind")]
public enum CustomerKind
{
    Residential,
    Commercial,
}

[GenerateSerializer, Alias("op.ContactRole")]
public enum ContactRole
{
    Owner,

    /// <summary>Manages some of a commercial customer's sites: sees only the properties granted to them.</summary>
    PropertyManager,

    AccountsPayable,
}

[GenerateSerializer, Immutable, Alias("op.NewCustomer")]
public sealed record NewCustomer(string Name, CustomerKind Kind);

/// <summary>A contact to add; <paramref name="Email"/> is normalised (trimmed, lower-case) by the caller.</summary>
[GenerateSerializer, Immutable, Alias("op.NewContact")]
public sealed record NewContact(string Name, string Email, string? Phone, ContactRole Role, IReadOnlyList<string> GrantedPropertyIds);

[GenerateSerializer, Immutable, Alias("op.CustomerContact")]
public sealed record CustomerContact(
    string ContactId,
    string Name,
    string Email,
    string? Phone,
    ContactRole Role,
    IReadOnlyList<string> GrantedPropertyIds,
    NotificationPreferences Preferences);

[GenerateSerializer, Immutable, Alias("op.CustomerSnapshot")]
public sealed record CustomerSnapshot(
    string TenantId,
    string CustomerId,
    string Name,
    CustomerKind Kind,
    DateTimeOffset CreatedAt,
    IReadOnlyList<CustomerContact> Contacts,
    IReadOnlyList<string> PropertyIds);
