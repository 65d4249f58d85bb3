using OrleansPortal.Grains.Customers;

namespace OrleansPortal.Web.Customers;

public sealed record CustomerDto(string Id, string Name, string Kind, DateTimeOffset CreatedAt, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<string> PropertyIds);

public sealed record ContactDto(string Id, string Name, string Email, string? Phone, string Role, IReadOnlyList<string> GrantedPropertyIds);

public static class CustomerDtoMapping
{
    public static CustomerDto AsDto(this CustomerSnapshot c) =>
        new(c.CustomerId, c.Name, c.Kind.ToString(), c.CreatedAt, [.. c.Contacts.Select(AsDto)], c.PropertyIds);

    public static ContactDto AsDto(this CustomerContact c) => new(c.ContactId, c.Name, c.Email, c.Phone, c.Role.ToString(), c.GrantedPropertyIds);
}
