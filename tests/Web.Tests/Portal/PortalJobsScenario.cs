using System.Net.Http.Json;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Portal.Jobs;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>
/// A company where it is about noon (<see cref="DispatchScenario"/>) with one technician who works every day, and a
/// customer with a property and a signed-in owner: what the portal's job and appointment tests start from.
/// </summary>
public sealed class PortalJobsScenario
{
    private PortalJobsScenario(DispatchScenario day, CustomerScenario customer, PropertyDto property, HttpClient owner, string ownerCookie, string technicianId)
    {
        Day = day;
        Customer = customer;
        Property = property;
        Owner = owner;
        OwnerCookie = ownerCookie;
        TechnicianId = technicianId;
    }

    public DispatchScenario Day { get; }

    public CustomerScenario Customer { get; }

    public PropertyDto Property { get; }

    public HttpClient Owner { get; }

    public string OwnerCookie { get; }

    public string TechnicianId { get; }

    public static async Task<PortalJobsScenario> CreateAsync(PortalFactory app, string company = "Acme Irrigation")
    {
        var day = await DispatchScenario.CreateAsync(app, name: company);
        var technician = await day.AddTechnicianAsync("Gil Gardener", [], DispatchScenario.Ribeira);
        var (customer, property, owner) = await AddCustomerAsync(day, "Smith household");
        return new PortalJobsScenario(day, customer, property, owner, CookieOf(owner), technician);
    }

    public static async Task<(CustomerScenario Customer, PropertyDto Property, HttpClient Owner)> AddCustomerAsync(DispatchScenario day, string name)
    {
        var customer = await CustomerScenario.CreateAsync(day.Company, name);
        var property = await customer.AddPropertyAsync(name + " home");
        var owner = await customer.SignInAsync((await customer.AddContactAsync($"{Guid.NewGuid():N}@example.test")).Id);
        return (customer, property, owner);
    }

    public static string CookieOf(HttpClient client) => client.DefaultRequestHeaders.GetValues("Cookie").Single();

    public static async Task<WindowOffer[]> WindowsAsync(HttpClient customer, string propertyId, int days = 3) =>
        (await customer.GetFromJsonAsync<WindowOffer[]>($"/api/v1/portal/booking/windows?propertyId={propertyId}&days={days}", ApiJson.Options))!;

    /// <summary>Books the first available window at the property; returns the new job.</summary>
    public async Task<PortalJobDto> BookAsync(string description = "Sprinklers do not start")
    {
        var offer = (await WindowsAsync(Owner, Property.Id)).First(o => o.Available);
        var response = await Owner.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = Property.Id, description, windowStart = offer.Start });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PortalJobDto>(ApiJson.Options))!;
    }

    public async Task<PortalJobDto> RequestEmergencyAsync(string description = "Water everywhere")
    {
        var response = await Owner.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = Property.Id, description, emergency = true });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PortalJobDto>(ApiJson.Options))!;
    }

    public async Task<PortalJobDto> JobAsync(string id) => (await Owner.GetFromJsonAsync<PortalJobDto>($"/api/v1/portal/jobs/{id}", ApiJson.Options))!;
}
