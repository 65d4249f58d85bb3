using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Customers;

public sealed class CustomersApiTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    private readonly TenantScenario _company = fixture.Company;

    [Fact]
    public async Task CreatedCustomer_ListsItsContactsAndProperties()
    {
        var customer = await CustomerScenario.CreateAsync(_company, "Harbour Offices Ltd", "Commercial");
        var site = await customer.AddPropertyAsync("North office");
        var manager = await customer.AddContactAsync($"pm-{Guid.NewGuid():N}@Example.com", "PropertyManager", site.Id);

        var read = await _company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options);

        Assert.Equal("Commercial", read!.Kind);
        Assert.Equal([site.Id], read.PropertyIds);
        var contact = Assert.Single(read.Contacts);
        Assert.Equal(manager.Id, contact.Id);
        Assert.Equal("PropertyManager", contact.Role);
        Assert.Equal([site.Id], contact.GrantedPropertyIds);
        Assert.EndsWith("@example.com", contact.Email); // stored normalised, as sign-in looks it up
    }

    [Fact]
    public async Task Property_IsUpdated_AndItsTimelineOnlyGrows()
    {
        var customer = await CustomerScenario.CreateAsync(_company);
        var site = await customer.AddPropertyAsync();

        var updated = await _company.Dispatcher.PutAsJsonAsync($"/api/v1/properties/{site.Id}", new
        {
            name = "Home",
            address = "Rua do Almada 10, Porto",
            location = new { latitude = 41.15, longitude = -8.61 },
            accessNotes = "Dog in the garden",
            equipment = new[] { new { kind = "Backflow preventer", makeModel = "Watts 007", installedOn = (string?)null, notes = (string?)null } },
        });
        updated.EnsureSuccessStatusCode();
        var noted = await _company.Dispatcher.PostAsJsonAsync($"/api/v1/properties/{site.Id}/timeline", new { kind = "Visit", text = "Spring start-up done." });
        noted.EnsureSuccessStatusCode();

        var read = await _company.Dispatcher.GetFromJsonAsync<PropertyDto>($"/api/v1/properties/{site.Id}", ApiJson.Options);
        Assert.Equal("Rua do Almada 10, Porto", read!.Address);
        Assert.Equal("Watts 007", Assert.Single(read.Equipment).MakeModel);
        Assert.Equal(["created", "updated", "visit"], read.Timeline.Select(t => t.Kind));
        var listed = await _company.Dispatcher.GetFromJsonAsync<PropertyDto[]>($"/api/v1/customers/{customer.Id}/properties", ApiJson.Options);
        Assert.Equal(site.Id, Assert.Single(listed!).Id);
    }

    [Theory]
    [InlineData("/api/v1/customers", "{\"name\":\"\",\"kind\":\"Residential\"}", "name")]
    [InlineData("/api/v1/customers", "{\"name\":\"Smiths\",\"kind\":\"Martian\"}", "kind")]
    [InlineData("/api/v1/customers", "{\"name\":\"Smiths\",\"kind\":\"1\"}", "kind")]
    public async Task InvalidCustomer_IsRefusedWithTheField(string path, string body, string field)
    {
        var response = await _company.Dispatcher.PostAsync(path, ValidationProblems.Json(body));

        await ValidationProblems.AssertNamesFieldAsync(response, field);
    }

    /// <summary>Contacts the API refuses, with the field it names: the same when a contact is added and when one is edited.</summary>
    public static TheoryData<string, string> InvalidContacts => new()
    {
        { "{\"name\":\"Pat\",\"email\":\"not-an-email\",\"role\":\"Owner\"}", "email" },
        { "{\"name\":\"Pat\",\"email\":\"pat@example.com\",\"role\":\"Janitor\"}", "role" },
        { "{\"name\":\"Pat\",\"email\":\"pat@example.com\",\"phone\":\" \",\"role\":\"Owner\"}", "phone" },
        { "{\"name\":\"Pat\",\"email\":\"pat@example.com\",\"role\":\"Owner\",\"grantedPropertyIds\":[\"0123456789abcdef0123456789abcdef\"]}", "grantedPropertyIds" },
        { "{\"name\":\"Pat\",\"email\":\"pat@example.com\",\"role\":\"PropertyManager\",\"grantedPropertyIds\":[\"0123456789abcdef0123456789abcdef\"]}", "grantedPropertyIds" },
        { "{\"name\":\"\",\"email\":\"pat@example.com\",\"role\":\"Owner\"}", "name" },
    };

    [Theory]
    [MemberData(nameof(InvalidContacts))]
    public async Task InvalidContact_IsRefusedWithTheField(string body, string field)
    {
        var customer = await CustomerScenario.CreateAsync(_company);

        var response = await _company.Dispatcher.PostAsync($"/api/v1/customers/{customer.Id}/contacts", ValidationProblems.Json(body));

        await ValidationProblems.AssertNamesFieldAsync(response, field);
    }

    [Theory]
    [InlineData("{\"name\":\"Home\",\"address\":\"Somewhere\",\"location\":{\"latitude\":91,\"longitude\":0}}", "location")]
    [InlineData("{\"name\":\"Home\",\"address\":\"\",\"location\":{\"latitude\":41,\"longitude\":-8}}", "address")]
    [InlineData("{\"name\":\"Home\",\"address\":\"Somewhere\",\"location\":{\"latitude\":41,\"longitude\":-8},\"equipment\":[{\"kind\":\"\"}]}", "equipment[0].kind")]
    [InlineData("{\"name\":\"Home\",\"address\":\"Somewhere\",\"location\":{\"latitude\":41,\"longitude\":-8},\"equipment\":[null]}", "equipment[0].kind")]
    public async Task InvalidProperty_IsRefusedWithTheField(string body, string field)
    {
        var customer = await CustomerScenario.CreateAsync(_company);

        var response = await _company.Dispatcher.PostAsync($"/api/v1/customers/{customer.Id}/properties", ValidationProblems.Json(body));

        await ValidationProblems.AssertNamesFieldAsync(response, field);
    }

    [Fact]
    public async Task UnknownIds_Get404_AndMalformedBodies400()
    {
        var unknown = Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.GetAsync($"/api/v1/customers/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.GetAsync("/api/v1/customers/NOT-AN-ID")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.GetAsync($"/api/v1/properties/{unknown}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.PostAsync($"/api/v1/customers/{unknown}/contacts", ValidationProblems.Json("{\"name\":\"Pat\",\"email\":\"pat@example.com\",\"role\":\"Owner\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.PostAsync($"/api/v1/properties/{unknown}/timeline", ValidationProblems.Json("{\"kind\":\"note\",\"text\":\"hi\"}"))).StatusCode);
        var malformed = await _company.Dispatcher.PostAsync("/api/v1/customers", ValidationProblems.Json("{\"name\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SameEmailTwiceForOneCustomer_IsAConflict()
    {
        var customer = await CustomerScenario.CreateAsync(_company);
        var email = $"pat-{Guid.NewGuid():N}@example.com";
        await customer.AddContactAsync(email);

        var again = await _company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name = "Pat", email = email.ToUpperInvariant(), role = "AccountsPayable" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
