namespace OrleansPortal.Grains.Customers;

/// <summary>
/// A customer as the office's list shows it (<see cref="ICustomerDirectory"/>): name, kind, the main contact (the first
/// owner, else the first contact), how many contacts and properties, and when it was created.
/// </summary>
public sealed record CustomerListing(
    string CustomerId,
    string Name,
    CustomerKind Kind,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    int Contacts,
    int Properties,
    DateTimeOffset CreatedAt);
