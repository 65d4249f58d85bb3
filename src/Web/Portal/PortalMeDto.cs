using Orleans;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;

namespace OrleansPortal.Web.Portal;

/// <summary>The signed-in customer contact, as the portal shows them.</summary>
/// <param name="TimeZone">
/// The company's IANA time zone: the portal shows appointment times in it, so "Morning" reads 08:00 wherever the
/// customer's phone thinks it is.
/// </param>
/// <param name="HelpCenter">The company's public help center (its path), which the Support section links to.</param>
public sealed record PortalMeDto(string Name, string Email, string Role, string CustomerName, string CompanyName, string TimeZone, string HelpCenter)
{
    public static async Task<PortalMeDto> LoadAsync(IClusterClient grains, string tenantId, CustomerSnapshot customer, CustomerContact contact)
    {
        var company = await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync();
        var settings = await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync();
        return new PortalMeDto(contact.Name, contact.Email, contact.Role.ToString(), customer.Name, company?.Name ?? "", settings.TimeZone, Support.HelpCenter.HelpPaths.Root(tenantId));
    }
}
