using OrleansPortal.Grains.Customers;

namespace OrleansPortal.Web.Customers;

public sealed record CustomerDto(string Id, string Name, string Kind, DateTimeOffset CreatedAt, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<string> PropertyIds);

public sealed record ContactDto(string Id, string Name, string Email, string? Phone, string Role, IReadOnlyList<string> GrantedPropertyIds);

/// <summary>A line of the office's customer list: the main contact is the first owner, else the first contact.</summary>
public sealed record CustomerListItemDto(
    string Id, string Name, string Kind, string? ContactName, string? ContactEmail, string? ContactPhone, int Contacts, int Properties, DateTimeOffset CreatedAt);

public static class CustomerDtoMapping
{
    public static CustomerListItemDto AsDto(this CustomerListing c) =>
        new(c.CustomerId, c.Name, c.Kind.ToString(), c.ContactName, c.ContactEmail, c.ContactPhone, c.Contacts, c.Properties, c.CreatedAt);

    public static CustomerDto AsDto(this CustomerSnapshot c) =>
        new(c.CustomerId, c.Name, c.Kind.ToString(), c.CreatedAt, [.. c.Contacts.Select(AsDto)], c.PropertyIds);

    public static ContactDto AsDto(this CustomerContact c) => new(c.ContactId, c.Name, c.Email, c.Phone, c.Role.ToString(), c.GrantedPropertyIds);
}
