namespace OrleansPortal.Grains.Customers;

public sealed class CustomerState
{
    public string? Name { get; set; }

    public CustomerKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CustomerContact> Contacts { get; set; } = [];

    public List<string> PropertyIds { get; set; } = [];
}
