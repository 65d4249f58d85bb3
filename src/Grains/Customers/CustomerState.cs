using Orleans;

namespace OrleansPortal.Grains.Customers;

[GenerateSerializer, Alias("op.CustomerState")]
public sealed class CustomerState
{
    [Id(0)]
    public string? Name { get; set; }

    [Id(1)]
    public CustomerKind Kind { get; set; }

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public List<CustomerContact> Contacts { get; set; } = [];

    [Id(4)]
    public List<string> PropertyIds { get; set; } = [];
}
