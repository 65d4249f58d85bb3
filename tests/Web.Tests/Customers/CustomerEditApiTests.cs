using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Properties;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Customers;

/// <summary>The office edits customers and their contacts; a replaced email or a removed contact loses the portal at once.</summary>
public sealed class CustomerEditApiTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    private readonly TenantScenario _company = fixture.Company;

    [Fact]
    public async Task ACustomer_IsRenamedAndChangesKind()
    {
        var customer = await CustomerScenario.CreateAsync(_company, "Smith household");

        var response = await _company.Dispatcher.PutAsJsonAsync($"/api/v1/customers/{customer.Id}", new { name = "  Smith & Daughters Lda  ", kind = "Commercial" });

        response.EnsureSuccessStatusCode();
        var read = await _company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options);
        Assert.Equal(("Smith & Daughters Lda", "Commercial"), (read!.Name, read.Kind));
    }

    [Fact]
    public async Task AContactsRoleAndGrants_AreChanged_AndTheirPortalFollowsAtOnce()
    {
        var customer = await CustomerScenario.CreateAsync(_company, "Harbour Offices", "Commercial");
        var north = await customer.AddPropertyAsync("North office");
        var south = await customer.AddPropertyAsync("South office");
        var email = DocumentEmail();
        var contact = await customer.AddContactAsync(email, "Owner");
        var portal = await customer.SignInAsync(contact.Id);

        var changed = await PutContactAsync(customer, contact.Id, new { name = "Maria Silva", email, phone = "+351 912 000 111", role = "PropertyManager", grantedPropertyIds = new[] { south.Id } });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var dto = (await changed.Content.ReadFromJsonAsync<ContactDto>(ApiJson.Options))!;
        Assert.Equal(("PropertyManager", "+351912000111"), (dto.Role, dto.Phone)); // stored in E.164
        Assert.Equal([south.Id], dto.GrantedPropertyIds);
        // Same email: the session goes on, and now sees the granted site only.
        var visible = await portal.GetFromJsonAsync<PropertyDto[]>("/api/v1/portal/properties", ApiJson.Options);
        Assert.Equal([south.Id], visible!.Select(p => p.Id));
        Assert.NotEqual(north.Id, south.Id);
    }

    [Fact]
    public async Task ANewEmail_EndsTheContactsPortalSessions()
    {
        var customer = await CustomerScenario.CreateAsync(_company);
        var contact = await customer.AddContactAsync(DocumentEmail());
        var portal = await customer.SignInAsync(contact.Id);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/api/v1/portal/me")).StatusCode);

        var changed = await PutContactAsync(customer, contact.Id, new { name = "Maria Silva", email = DocumentEmail().ToUpperInvariant(), role = "Owner" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/v1/portal/me")).StatusCode);
        var read = await _company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options);
        Assert.Equal(read!.Contacts.Single().Email, read.Contacts.Single().Email.ToLowerInvariant()); // stored normalised
    }

    [Fact]
    public async Task ARemovedContact_IsGone_AndSignedOut()
    {
        var customer = await CustomerScenario.CreateAsync(_company);
        var stays = await customer.AddContactAsync(DocumentEmail());
        var leaves = await customer.AddContactAsync(DocumentEmail(), "AccountsPayable");
        var portal = await customer.SignInAsync(leaves.Id);

        var removed = await _company.Dispatcher.DeleteAsync($"/api/v1/customers/{customer.Id}/contacts/{leaves.Id}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var read = await _company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options);
        Assert.Equal([stays.Id], read!.Contacts.Select(c => c.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await portal.GetAsync("/api/v1/portal/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.DeleteAsync($"/api/v1/customers/{customer.Id}/contacts/{leaves.Id}")).StatusCode);
    }

    [Fact]
    public async Task AnEmailAnotherContactHas_IsAConflict_AndChangesNothing()
    {
        var customer = await CustomerScenario.CreateAsync(_company);
        var taken = DocumentEmail();
        await customer.AddContactAsync(taken);
        var other = await customer.AddContactAsync(DocumentEmail());

        var response = await PutContactAsync(customer, other.Id, new { name = "Maria Silva", email = taken, role = "Owner" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var read = await _company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options);
        Assert.Equal(other.Email, read!.Contacts.Single(c => c.Id == other.Id).Email);
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"kind\":\"Residential\"}", "name")]
    [InlineData("{\"name\":\"Smiths\",\"kind\":\"Martian\"}", "kind")]
    [InlineData("{\"name\":\"Smiths\"}", "kind")]
    public async Task AnInvalidCustomerEdit_IsRefusedWithTheField_AndChangesNothing(string body, string field)
    {
        var customer = await CustomerScenario.CreateAsync(_company, "Unchanged");

        var response = await _company.Dispatcher.PutAsync($"/api/v1/customers/{customer.Id}", ValidationProblems.Json(body));

        await ValidationProblems.AssertNamesFieldAsync(response, field);
        Assert.Equal("Unchanged", (await _company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options))!.Name);
    }

    [Theory]
    [MemberData(nameof(CustomersApiTests.InvalidContacts), MemberType = typeof(CustomersApiTests))]
    public async Task AnInvalidContactEdit_IsRefusedWithTheField(string body, string field)
    {
        var customer = await CustomerScenario.CreateAsync(_company);
        var contact = await customer.AddContactAsync(DocumentEmail());

        var response = await _company.Dispatcher.PutAsync($"/api/v1/customers/{customer.Id}/contacts/{contact.Id}", ValidationProblems.Json(body));

        await ValidationProblems.AssertNamesFieldAsync(response, field);
    }

    [Fact]
    public async Task UnknownCustomersAndContacts_Get404()
    {
        var customer = await CustomerScenario.CreateAsync(_company);
        var unknown = Guid.NewGuid().ToString("N");
        var body = ValidationProblems.Json("{\"name\":\"Pat\",\"email\":\"pat@example.com\",\"role\":\"Owner\"}");

        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.PutAsync($"/api/v1/customers/{unknown}", ValidationProblems.Json("{\"name\":\"X\",\"kind\":\"Residential\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.PutAsync($"/api/v1/customers/{customer.Id}/contacts/{unknown}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.PutAsync($"/api/v1/customers/{customer.Id}/contacts/NOT-AN-ID", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _company.Dispatcher.DeleteAsync($"/api/v1/customers/{unknown}/contacts/{unknown}")).StatusCode);
    }

    private Task<HttpResponseMessage> PutContactAsync(CustomerScenario customer, string contactId, object body) =>
        _company.Dispatcher.PutAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts/{contactId}", body);

    private static string DocumentEmail() => $"contact-{Guid.NewGuid():N}@example.com";
}
