using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Customers;

/// <summary>
/// The office's customer list and search. Both companies live in one app for the class, so each test names its
/// customers with a word of its own and searches for it.
/// </summary>
public sealed class CustomerListApiTests(TwoCompaniesFixture fixture) : IClassFixture<TwoCompaniesFixture>
{
    private readonly TenantScenario _ours = fixture.Ours;
    private readonly TenantScenario _theirs = fixture.Theirs;

    [Fact]
    public async Task ACustomer_IsFoundByItsNameOrAContactsNameEmailOrPhone_WithItsMainContactShown()
    {
        var word = Word();
        var customer = await CustomerScenario.CreateAsync(_ours, $"Harbour Offices {word}", "Commercial");
        var email = $"joao-{word}@example.com";
        await AddContactAsync(customer, "João Pereira", email, "+351 912 345 678", "Owner");
        await customer.AddPropertyAsync();

        foreach (var query in new[] { $"harbour {word}", $"joao {word}", email.ToUpperInvariant(), $"{word} 912345678" })
        {
            var row = Assert.Single(await ListAsync(_ours, query));
            Assert.Equal(new CustomerListItemDto(customer.Id, $"Harbour Offices {word}", "Commercial", "João Pereira", email, "+351912345678", 1, 1, row.CreatedAt), row);
        }
    }

    [Fact]
    public async Task AnotherCompanysCustomers_NeverAppear_EvenWithTheSameName()
    {
        var word = Word();
        var ours = await CustomerScenario.CreateAsync(_ours, $"Lima {word}");
        var theirs = await CustomerScenario.CreateAsync(_theirs, $"Lima {word}");

        Assert.Equal([ours.Id], (await ListAsync(_ours, word)).Select(c => c.Id));
        Assert.Equal([theirs.Id], (await ListAsync(_theirs, word)).Select(c => c.Id));
        Assert.DoesNotContain(theirs.Id, (await ListAsync(_ours, null, limit: 200)).Select(c => c.Id));
        Assert.Empty(await ListAsync(_ours, null, after: theirs.Id)); // their id is no place for our list to continue from
        Assert.Equal(HttpStatusCode.NotFound, (await _ours.Dispatcher.GetAsync($"/api/v1/customers/{theirs.Id}/overview")).StatusCode);
    }

    [Fact]
    public async Task Pages_FollowTheLinkHeader_AndListEveryMatchOnce_ByName()
    {
        var word = Word();
        var names = new[] { "delta", "Alpha", "charlie", "bravo", "Echo", "alpha", "foxtrot" };
        var created = new List<(string Name, string Id)>();
        foreach (var name in names) created.Add(($"{name} {word}", (await CustomerScenario.CreateAsync(_ours, $"{name} {word}")).Id));

        var listed = new List<CustomerListItemDto>();
        var url = $"/api/v1/customers?q={word}&limit=3";
        var pages = 0;
        while (url is not null)
        {
            var response = await _ours.Dispatcher.GetAsync(url);
            response.EnsureSuccessStatusCode();
            listed.AddRange((await response.Content.ReadFromJsonAsync<CustomerListItemDto[]>(ApiJson.Options))!);
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split(';')[0].Trim('<', '>') : null;
            pages++;
        }

        Assert.Equal(3, pages);
        var expected = created.OrderBy(c => c.Name.ToUpperInvariant(), StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id);
        Assert.Equal(expected, listed.Select(c => c.Id));
    }

    [Fact]
    public async Task ARenamedCustomer_IsFoundByItsNewNameOnly()
    {
        var (before, after) = (Word(), Word());
        var customer = await CustomerScenario.CreateAsync(_ours, $"Costa {before}");

        (await _ours.Dispatcher.PutAsJsonAsync($"/api/v1/customers/{customer.Id}", new { name = $"Costa {after}", kind = "Commercial" })).EnsureSuccessStatusCode();

        Assert.Empty(await ListAsync(_ours, before));
        Assert.Equal("Commercial", Assert.Single(await ListAsync(_ours, after)).Kind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("after=NOT-AN-ID", "after")]
    [InlineData("q=%1B%5B31m", "q")]
    public async Task BadListRequests_AreRefusedWithTheField(string query, string field)
    {
        var response = await _ours.Dispatcher.GetAsync($"/api/v1/customers?{query}");

        await ValidationProblems.AssertNamesFieldAsync(response, field);
    }

    [Fact]
    public async Task ASearchLongerThanAName_IsRefused()
    {
        var response = await _ours.Dispatcher.GetAsync($"/api/v1/customers?q={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<CustomerListItemDto[]> ListAsync(TenantScenario company, string? q, int? limit = null, string? after = null)
    {
        var query = string.Join('&', new[] { q is null ? null : $"q={Uri.EscapeDataString(q)}", limit is null ? null : $"limit={limit}", after is null ? null : $"after={after}" }.OfType<string>());
        return (await company.Dispatcher.GetFromJsonAsync<CustomerListItemDto[]>($"/api/v1/customers?{query}", ApiJson.Options))!;
    }

    private static async Task AddContactAsync(CustomerScenario customer, string name, string email, string? phone, string role)
    {
        var response = await customer.Company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customer.Id}/contacts", new { name, email, phone, role });
        response.EnsureSuccessStatusCode();
    }

    // Letters only: a word no other test's customer has, so a search for it finds this test's customers alone.
    private static string Word() => new([.. Guid.NewGuid().ToString("N").Select(c => (char)('a' + c % 16))]);
}
