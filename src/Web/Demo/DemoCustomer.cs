using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Properties;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// One customer of the demo company whose portal can be tried: a household in Porto with an owner contact, so
/// asking /portal for a link for <see cref="Email"/> works (without an SMTP server, Development logs the link), and a
/// mobile number, so the visit's texts (on my way, with the tracking link) go somewhere: without a Twilio account,
/// Development logs them too.
/// Some of the day's demo jobs are at this household's property. Fixed ids, so a restarted demo finds them.
/// </summary>
public sealed class DemoCustomer(IClusterClient grains)
{
    public static readonly string CustomerId = DemoIds.For("demo:household");
    public static readonly string PropertyId = DemoIds.For("demo:household:home");
    public const string Email = "customer@porto-demo.example";
    public const string Phone = "+351912000300";
    public const string Address = "Rua de Santa Catarina 300, Porto";
    public static readonly GeoPoint Location = new(41.1505, -8.6065);

    public async Task EnsureAsync()
    {
        var customer = grains.GetGrain<ICustomerGrain>(TenantKeys.For(DemoCompany.TenantId, CustomerId));
        try
        {
            await customer.CreateAsync(new NewCustomer("Silva household", CustomerKind.Residential));
        }
        catch (ConflictException)
        {
            return; // seeded by an earlier run, with its property and contact
        }

        var equipment = new EquipmentItem("Irrigation controller", "Rain Bird ESP-TM2", new DateOnly(2021, 4, 12), "Garage wall");
        await grains.GetGrain<IPropertyGrain>(TenantKeys.For(DemoCompany.TenantId, PropertyId))
            .CreateAsync(CustomerId, new PropertyDetails("Home", Address, Location, "Side gate, code 1234", [equipment]));
        await customer.AddPropertyAsync(PropertyId);
        await customer.AddContactAsync(new NewContact("Maria Silva", Email, Phone, ContactRole.Owner, []));
    }
}
