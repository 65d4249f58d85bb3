using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Identity;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>A customer of a <see cref="TenantScenario"/>'s company, made through the dispatcher APIs, with helpers to sign its contacts in.</summary>
public sealed class CustomerScenario
{
    private CustomerScenario(TenantScenario company, CustomerDto customer)
    {
        Company = company;
        Id = customer.Id;
    }

    public TenantScenario Company { get; }

    public string Id { get; }

    public static async Task<CustomerScenario> CreateAsync(TenantScenario company, string name = "Smith household", string kind = "Residential")
    {
        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/customers", new { name, kind });
        response.EnsureSuccessStatusCode();
        return new CustomerScenario(company, (await response.Content.ReadFromJsonAsync<CustomerDto>(ApiJson.Options))!);
    }

    public async Task<PropertyDto> AddPropertyAsync(string name = "Home", string address = "Rua de Santa Catarina 1, Porto")
    {
        var response = await Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{Id}/properties", new
        {
            name,
            address,
            location = new { latitude = 41.149, longitude = -8.606 },
            accessNotes = "Gate code 1234",
            equipment = new[] { new { kind = "Irrigation controller", makeModel = "Rain Bird ESP-TM2", installedOn = "2021-04-12", notes = "Garage wall" } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PropertyDto>(ApiJson.Options))!;
    }

    public async Task<ContactDto> AddContactAsync(string email, string role = "Owner", params string[] grantedPropertyIds)
    {
        var response = await Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{Id}/contacts", new { name = "Maria Silva", email, role, grantedPropertyIds });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContactDto>(ApiJson.Options))!;
    }

    /// <summary>
    /// A link token issued straight through the grain, as the mail sender would, for tests about what happens after
    /// sign-in (the mail itself is covered by the magic-link tests).
    /// </summary>
    public Task<string> IssueTokenAsync(string contactId) => PortalSession.IssueTokenAsync(Company.App, new ContactRef(Company.TenantId, Id, contactId));

    /// <summary>An HTTP client signed in as the contact (customer cookie).</summary>
    public async Task<HttpClient> SignInAsync(string contactId) => await PortalSession.SignInAsync(Company.App, await IssueTokenAsync(contactId));
}

/// <summary>Redeems magic-link tokens the way the portal page does.</summary>
public static class PortalSession
{
    /// <summary>What following an emailed link gives: a fresh single-use token for the contact (the mail itself is tested elsewhere).</summary>
    public static async Task<string> IssueTokenAsync(PortalFactory app, ContactRef contact)
    {
        var (token, hash) = SecretToken.Create();
        var grains = app.Services.GetRequiredService<IClusterClient>();
        await grains.GetGrain<IMagicLinkGrain>(hash).IssueAsync(new MagicLinkGrant(contact, DateTimeOffset.UtcNow.AddMinutes(15)));
        return token;
    }

    public static async Task<HttpResponseMessage> RedeemAsync(PortalFactory app, string token) =>
        await NewClient(app).PostAsJsonAsync("/api/v1/portal/session", new { token });

    /// <summary>Redeems the token and answers a client carrying the customer cookie; fails the test if the token is refused.</summary>
    public static async Task<HttpClient> SignInAsync(PortalFactory app, string token)
    {
        var response = await RedeemAsync(app, token);
        response.EnsureSuccessStatusCode();
        var client = NewClient(app);
        client.DefaultRequestHeaders.Add("Cookie", response.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
        return client;
    }

    private static HttpClient NewClient(PortalFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = app.ClientOptions.BaseAddress });
}
