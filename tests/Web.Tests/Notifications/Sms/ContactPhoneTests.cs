using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.Sms;

/// <summary>A contact's phone, as the office types it, is stored as the number SMS goes to (E.164), or refused.</summary>
public sealed class ContactPhoneTests(CompanyFixture fixture) : IClassFixture<CompanyFixture>
{
    [Theory]
    [InlineData("912 345 678", "+351912345678")]    // a Portuguese mobile as dialled in Portugal (the default region)
    [InlineData("+351 912-345-678", "+351912345678")]
    [InlineData("+44 20 7946 0958", "+442079460958")] // another country's, with its code
    public async Task APhone_IsStoredInE164(string typed, string stored)
    {
        var customer = await CustomerScenario.CreateAsync(fixture.Company);

        var response = await fixture.Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts",
            new { name = "Maria Silva", email = $"maria-{Guid.NewGuid():N}@example.com", phone = typed, role = "Owner" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(stored, (await response.Content.ReadFromJsonAsync<ContactDto>(ApiJson.Options))!.Phone);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("12345")]            // too short for any Portuguese number
    [InlineData("+351 812 345 678")] // no Portuguese number starts with 8
    public async Task APhoneThatIsNoNumber_Is400_SayingSo_AndNothingChanges(string typed)
    {
        var customer = await CustomerScenario.CreateAsync(fixture.Company);
        var contact = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.com");

        var added = await fixture.Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts",
            new { name = "João Silva", email = $"joao-{Guid.NewGuid():N}@example.com", phone = typed, role = "Owner" });
        var edited = await fixture.Company.Dispatcher.PutAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts/{contact.Id}",
            new { name = "Maria Silva", email = contact.Email, phone = typed, role = "Owner" });

        foreach (var response in new[] { added, edited })
        {
            await ValidationProblems.AssertNamesFieldAsync(response, "phone");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("not a valid number", problem.RootElement.GetProperty("errors").GetProperty("phone")[0].GetString());
        }
        var stored = await fixture.Company.Dispatcher.GetFromJsonAsync<CustomerDto>($"/api/v1/customers/{customer.Id}", ApiJson.Options);
        Assert.Equal([(contact.Id, (string?)null)], stored!.Contacts.Select(c => (c.Id, c.Phone)));
    }
}
