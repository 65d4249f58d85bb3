using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>Who sees what in the portal; each test has its own app, so the sign-in rate limits never interfere.</summary>
public sealed class PortalAuthorizationTests
{
    [Fact]
    public async Task CustomerCannotSeeAnotherCustomersProperty_EvenByItsId()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var smiths = await CustomerScenario.CreateAsync(company, "Smiths");
        var joneses = await CustomerScenario.CreateAsync(company, "Joneses");
        var smithHouse = await smiths.AddPropertyAsync("Smith house");
        var jonesHouse = await joneses.AddPropertyAsync("Jones house");
        var smith = await smiths.SignInAsync((await smiths.AddContactAsync(UniqueEmail())).Id);

        var visible = await smith.GetFromJsonAsync<PropertyDto[]>("/api/v1/portal/properties", ApiJson.Options);

        Assert.Equal(smithHouse.Id, Assert.Single(visible!).Id);
        Assert.Equal(HttpStatusCode.OK, (await smith.GetAsync($"/api/v1/portal/properties/{smithHouse.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync($"/api/v1/portal/properties/{jonesHouse.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync($"/api/v1/portal/properties/{Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await smith.GetAsync("/api/v1/portal/properties/..%2F..%2Fsecret")).StatusCode);
    }

    [Fact]
    public async Task PropertyManager_SeesOnlyTheGrantedSites_WhileTheOwnerSeesAll()
    {
        using var app = new PortalFactory();
        var client = await CustomerScenario.CreateAsync(await TenantScenario.CreateAsync(app), "Harbour Offices Ltd", "Commercial");
        var north = await client.AddPropertyAsync("North office");
        var south = await client.AddPropertyAsync("South office");
        var depot = await client.AddPropertyAsync("Depot");
        var manager = await client.SignInAsync((await client.AddContactAsync(UniqueEmail(), "PropertyManager", north.Id, depot.Id)).Id);
        var owner = await client.SignInAsync((await client.AddContactAsync(UniqueEmail(), "Owner")).Id);

        var managed = await manager.GetFromJsonAsync<PropertyDto[]>("/api/v1/portal/properties", ApiJson.Options);
        var owned = await owner.GetFromJsonAsync<PropertyDto[]>("/api/v1/portal/properties", ApiJson.Options);

        Assert.Equal([north.Id, depot.Id], managed!.Select(p => p.Id));
        Assert.Equal([north.Id, south.Id, depot.Id], owned!.Select(p => p.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/portal/properties/{south.Id}")).StatusCode);
    }

    [Fact]
    public async Task CustomerCookie_OpensNoDispatcherApi_NorTheLiveMapHub()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var property = await customer.AddPropertyAsync();
        var contact = await customer.SignInAsync((await customer.AddContactAsync(UniqueEmail())).Id);

        foreach (var path in new[] { "/api/v1/auth/me", "/api/v1/technicians", $"/api/v1/customers/{customer.Id}", $"/api/v1/properties/{property.Id}", "/api/v1/company" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await contact.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await contact.PostAsJsonAsync("/api/v1/customers", new { name = "Mine now", kind = "Residential" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await contact.PostAsync("/hubs/live-map/negotiate?negotiateVersion=1", null)).StatusCode);
        // The same hub negotiation with the dispatcher's cookie is let in: the refusal above is about who, not how.
        Assert.Equal(HttpStatusCode.OK, (await company.Dispatcher.PostAsync("/hubs/live-map/negotiate?negotiateVersion=1", null)).StatusCode);
    }

    [Fact]
    public async Task DispatcherCookie_OpensNoPortalCustomerApi()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);

        foreach (var path in new[] { "/api/v1/portal/me", "/api/v1/portal/properties", "/api/v1/portal/preferences" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await company.Dispatcher.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Tenants_AreIsolated_ForDispatchersAndCustomers()
    {
        using var app = new PortalFactory();
        var acme = await TenantScenario.CreateAsync(app, "Acme Irrigation");
        var bolt = await TenantScenario.CreateAsync(app, "Bolt HVAC");
        var acmeCustomer = await CustomerScenario.CreateAsync(acme);
        var acmeSite = await acmeCustomer.AddPropertyAsync();
        var boltCustomer = await CustomerScenario.CreateAsync(bolt);
        await boltCustomer.AddPropertyAsync();
        var boltContact = await boltCustomer.SignInAsync((await boltCustomer.AddContactAsync(UniqueEmail())).Id);

        Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.GetAsync($"/api/v1/customers/{acmeCustomer.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.GetAsync($"/api/v1/properties/{acmeSite.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bolt.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{acmeCustomer.Id}/contacts", new { name = "Spy", email = UniqueEmail(), role = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await boltContact.GetAsync($"/api/v1/portal/properties/{acmeSite.Id}")).StatusCode);
        // A property id of another tenant cannot be granted either.
        var grant = await bolt.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{boltCustomer.Id}/contacts", new { name = "Pat", email = UniqueEmail(), role = "PropertyManager", grantedPropertyIds = new[] { acmeSite.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
    }

    private static string UniqueEmail() => $"contact-{Guid.NewGuid():N}@example.com";
}
