using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Portal;

/// <summary>
/// Every portal endpoint, called as everyone who is not customer A with A's real ids: anonymous, the company's
/// dispatcher, another customer of the company, a customer of another company, and A's property manager for a site
/// not granted to them. A's own call and the manager's call at their granted site are the positive controls, so each
/// case would notice a wrong id. The table is <see cref="PortalEndpointTable"/>; the app's routing decides what it must hold.
/// </summary>
public sealed class PortalEndpointMatrixTests
{
    public static TheoryData<string> Guarded(Guard guard) => new(PortalEndpointTable.All.Where(c => c.Guard == guard).Select(c => c.Key));

    [Fact]
    public void TheTable_ListsEveryPortalEndpoint()
    {
        using var app = new PortalFactory();
        var routed = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/portal", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var tabled = PortalEndpointTable.All.Select(c => c.Key).ToHashSet();

        var missing = routed.Except(tabled).Order().ToArray();
        var stale = tabled.Except(routed).Order().ToArray();
        Assert.True(missing.Length == 0 && stale.Length == 0,
            $"Endpoints without a row in PortalEndpointTable: [{string.Join(", ", missing)}]; rows for no endpoint: [{string.Join(", ", stale)}].");
    }

    [Theory]
    [MemberData(nameof(Guarded), Guard.ById)]
    public async Task CallsWithAnIdOfA_SucceedOnlyForAAndForAManagerOfItsSite(string endpoint)
    {
        var row = PortalEndpointTable.Find(endpoint);
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        await AssertRefusesStrangersAsync(world, row);

        foreach (var (who, client) in new[] { ("customer B", world.Neighbour), ("another company's customer", world.Foreigner), ("a manager of A's other site", world.Manager) })
        {
            var before = row.StateOfA is null ? null : await row.StateOfA(world, world.Home);
            var response = await client.SendAsync(row.Request(world.Home));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, await Describe(endpoint, who, response));
            if (row.StateOfA is not null) AssertUnchanged(endpoint, who, before, await row.StateOfA(world, world.Home));
        }

        await AssertSucceedsAsync(endpoint, "a manager at their granted site", world.Manager, row.Request(world.Office));
        await AssertSucceedsAsync(endpoint, "A", world.Owner, row.Request(world.Home));
    }

    [Theory]
    [MemberData(nameof(Guarded), Guard.OwnList)]
    public async Task Lists_ShowAThingsOnlyToAAndToManagersOfTheirSite(string endpoint)
    {
        var row = PortalEndpointTable.Find(endpoint);
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        await AssertRefusesStrangersAsync(world, row);
        string[] home = row.Listed!(world.Home), office = row.Listed(world.Office);

        foreach (var (who, client) in new[] { ("customer B", world.Neighbour), ("another company's customer", world.Foreigner) })
        {
            var body = await AssertSucceedsAsync(endpoint, who, client, row.Request(world.Home));
            Assert.All(home.Concat(office), id => Assert.DoesNotContain(id, body));
        }

        var managed = await AssertSucceedsAsync(endpoint, "a manager of A's office", world.Manager, row.Request(world.Home));
        Assert.All(home, id => Assert.DoesNotContain(id, managed));
        Assert.All(office, id => Assert.Contains(id, managed));
        var owned = await AssertSucceedsAsync(endpoint, "A", world.Owner, row.Request(world.Home));
        Assert.All(home.Concat(office), id => Assert.Contains(id, owned));
    }

    [Theory]
    [MemberData(nameof(Guarded), Guard.OwnContact)]
    public async Task ContactEndpoints_NeverReadNorChangeAnotherContact(string endpoint)
    {
        var row = PortalEndpointTable.Find(endpoint);
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        await AssertRefusesStrangersAsync(world, row);
        var before = await row.StateOfA!(world, world.Home);

        foreach (var (who, client) in new[] { ("customer B", world.Neighbour), ("another company's customer", world.Foreigner), ("A's property manager", world.Manager) })
        {
            var body = await AssertSucceedsAsync(endpoint, who, client, row.Request(world.Home)); // their own contact
            Assert.DoesNotContain(world.OwnerEmail, body);
        }

        AssertUnchanged(endpoint, "the other contacts", before, await row.StateOfA(world, world.Home));
        Assert.Contains(world.OwnerEmail, await world.Owner.GetStringAsync("/api/v1/portal/me"));
        await AssertSucceedsAsync(endpoint, "A", world.Owner, row.Request(world.Home));
    }

    [Theory]
    [MemberData(nameof(Guarded), Guard.CompanyCatalog)]
    public async Task Catalogs_ShowOnlyTheCallersOwnCompanysOffer(string endpoint)
    {
        var row = PortalEndpointTable.Find(endpoint);
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        await AssertRefusesStrangersAsync(world, row);

        Assert.DoesNotContain(PortalMatrixWorld.OwnServiceName, await AssertSucceedsAsync(endpoint, "another company's customer", world.Foreigner, row.Request(world.Home)));
        Assert.Contains(PortalMatrixWorld.OwnServiceName, await AssertSucceedsAsync(endpoint, "A", world.Owner, row.Request(world.Home)));
    }

    [Theory]
    [MemberData(nameof(Guarded), Guard.CompanyStatus)]
    public async Task CompanyStatus_IsReadByItsOwnCustomersOnly(string endpoint)
    {
        var row = PortalEndpointTable.Find(endpoint);
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        await AssertRefusesStrangersAsync(world, row);

        Assert.DoesNotContain(world.OwnerEmail, await AssertSucceedsAsync(endpoint, "another company's customer", world.Foreigner, row.Request(world.Home)));
        Assert.DoesNotContain(world.OwnerEmail, await AssertSucceedsAsync(endpoint, "A", world.Owner, row.Request(world.Home)));
    }

    [Theory]
    [MemberData(nameof(Guarded), Guard.CompanyContent)]
    public async Task CompanyContent_IsNoneOfAnotherCompanysCustomers(string endpoint)
    {
        var row = PortalEndpointTable.Find(endpoint);
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        await AssertRefusesStrangersAsync(world, row);

        var foreign = await world.Foreigner.SendAsync(row.Request(world.Home));
        Assert.True(foreign.StatusCode == HttpStatusCode.NotFound, await Describe(endpoint, "another company's customer", foreign));
        await AssertSucceedsAsync(endpoint, "A", world.Owner, row.Request(world.Home));
    }

    [Theory]
    [MemberData(nameof(Guarded), Guard.Payer)]
    public async Task PayersEndpoints_NeverActOnAsMoney_NorShowItsIds_ToAnyoneElse(string endpoint)
    {
        var row = PortalEndpointTable.Find(endpoint);
        using var app = new PortalFactory();
        var world = await PortalMatrixWorld.CreateAsync(app);
        await AssertRefusesStrangersAsync(world, row);
        var before = row.StateOfA is null ? null : await row.StateOfA(world, world.Home);
        var changes = row.Request(world.Home).Method != HttpMethod.Get;

        foreach (var (who, client) in new[] { ("customer B", world.Neighbour), ("another company's customer", world.Foreigner), ("A's property manager", world.Manager) })
        {
            var response = await client.SendAsync(row.Request(world.Home));
            var body = await response.Content.ReadAsStringAsync();
            if (changes) Assert.False(response.IsSuccessStatusCode, await Describe(endpoint, who, response));
            Assert.All(row.Listed!(world.Home), id => Assert.DoesNotContain(id, body));
        }

        if (row.StateOfA is not null) AssertUnchanged(endpoint, "the others", before, await row.StateOfA(world, world.Home));
        var own = await world.Owner.SendAsync(row.Request(world.Home));
        Assert.True((int)own.StatusCode < 500, await Describe(endpoint, "A", own));
        if (!changes) Assert.True(own.IsSuccessStatusCode, await Describe(endpoint, "A", own));
    }

    /// <summary>Nobody without a customer cookie gets in: not anonymous callers, not the company's own dispatcher.</summary>
    private static async Task AssertRefusesStrangersAsync(PortalMatrixWorld world, EndpointCase row)
    {
        var before = row.StateOfA is null ? null : await row.StateOfA(world, world.Home);
        var anonymous = await world.App.CreateClient().SendAsync(row.Request(world.Home));
        Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, await Describe(row.Key, "anonymous", anonymous));
        var dispatcher = await world.Dispatcher.SendAsync(row.Request(world.Home));
        Assert.True(dispatcher.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, await Describe(row.Key, "the dispatcher", dispatcher));
        if (row.StateOfA is not null) AssertUnchanged(row.Key, "anonymous or the dispatcher", before, await row.StateOfA(world, world.Home));
    }

    private static async Task<string> AssertSucceedsAsync(string endpoint, string who, HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await Describe(endpoint, who, response));
        return await response.Content.ReadAsStringAsync();
    }

    private static void AssertUnchanged(string endpoint, string who, string? before, string after) =>
        Assert.True(before == after, $"{endpoint} as {who} changed what A sees.\nBefore: {before}\nAfter:  {after}");

    private static async Task<string> Describe(string endpoint, string who, HttpResponseMessage response) =>
        $"{endpoint} as {who}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
}
