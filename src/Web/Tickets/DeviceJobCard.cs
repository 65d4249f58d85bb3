using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Documents;

namespace OrleansPortal.Web.Tickets;

/// <summary>
/// What a technician needs at the door, beyond the ticket: whom to call, how to get in, and the photos so far. Read only
/// for jobs that are the device's technician's (the caller filters), which is what lets a technician see a customer's
/// phone number and a gate code at all.
/// </summary>
public sealed record DeviceJobCard(DeviceCustomerDto? Customer, DevicePropertyDto? Property, IReadOnlyList<DevicePhotoDto> Photos)
{
    public static async Task<DeviceJobCard> ReadAsync(IClusterClient grains, DeviceBinding device, TicketSnapshot ticket, DevicePhotoLinks links)
    {
        var customer = OrNullAsync(grains.GetGrain<ICustomerGrain>(TenantKeys.For(device.TenantId, ticket.Details.CustomerId)).GetAsync());
        var property = OrNullAsync(grains.GetGrain<IPropertyGrain>(TenantKeys.For(device.TenantId, ticket.Details.PropertyId)).GetAsync());
        var report = grains.GetGrain<IJobReportGrain>(TenantKeys.For(device.TenantId, ticket.TicketId)).GetAsync();
        await Task.WhenAll(customer, property, report);

        var contact = (await customer) is { } c ? ContactFor(c, ticket.Details.PropertyId) : null;
        return new DeviceJobCard(
            await customer is { } known ? new DeviceCustomerDto(known.Name, contact?.Name, contact?.Phone) : null,
            await property is { } site ? new DevicePropertyDto(site.Details.Name, site.Details.Address, site.Details.AccessNotes) : null,
            [.. (await report).Photos.Select(p => new DevicePhotoDto(
                p.PhotoId, p.At, p.Caption, links.For(device, ticket.TicketId, p.PhotoId, thumbnail: true), links.For(device, ticket.TicketId, p.PhotoId, thumbnail: false)))]);
    }

    /// <summary>
    /// Whom the technician calls: a contact with a phone, the property's own manager first (a commercial customer's
    /// site), then an owner, then anyone else; without any phone, the first contact by the same order.
    /// </summary>
    private static CustomerContact? ContactFor(CustomerSnapshot customer, string propertyId)
    {
        int Rank(CustomerContact c) => c.Role switch
        {
            ContactRole.PropertyManager when c.GrantedPropertyIds.Contains(propertyId) => 0,
            ContactRole.Owner => 1,
            ContactRole.PropertyManager => 3, // another site's manager
            _ => 2,
        };
        var ordered = customer.Contacts.OrderBy(Rank).ToList();
        return ordered.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Phone)) ?? ordered.FirstOrDefault();
    }

    // Customers and properties are never deleted, so a miss means a ticket made before references were checked.
    private static async Task<T?> OrNullAsync<T>(Task<T> read) where T : class
    {
        try
        {
            return await read;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
