using OrleansPortal.Testing.Workload;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Identity;

namespace OrleansPortal.Cluster.Tests.Infrastructure;

/// <summary>
/// A customer of a <see cref="Company"/> with one property and an owner contact signed in to the portal. The sign-in
/// link is issued straight through the link grain, as the mail sender would (the mail itself is tested elsewhere);
/// redeeming it and everything after goes through the nodes' public APIs, and the customer cookie works on both.
/// </summary>
public sealed class Customer
{
    public const string PortalChat = "/api/v1/portal/conversations";

    private readonly ConcurrentDictionary<Uri, HttpClient> _clients = new();

    private Customer(string id, string propertyId, string cookie)
    {
        Id = id;
        PropertyId = propertyId;
        Cookie = cookie;
    }

    public string Id { get; }

    public string PropertyId { get; }

    /// <summary>The owner contact's portal cookie ("name=value").</summary>
    public string Cookie { get; }

    /// <summary>The customer's general chat thread.</summary>
    public string GeneralThread => $"customer:{Id}";

    /// <summary>An HTTP client signed in as the owner contact, talking to <paramref name="node"/>.</summary>
    public HttpClient Owner(Uri node) => _clients.GetOrAdd(node, address =>
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("Cookie", Cookie);
        return client;
    });

    public static async Task<Customer> CreateAsync(TwoNodeCluster cluster, Company company, Uri node, string name = "Smith household")
    {
        var dispatcher = company.Dispatcher(node);
        var created = await dispatcher.PostAsJsonAsync("/api/v1/customers", new { name, kind = "Residential" });
        created.EnsureSuccessStatusCode();
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var property = await dispatcher.PostAsJsonAsync($"/api/v1/customers/{customerId}/properties", new
        {
            name = "Home",
            address = "Rua de Santa Catarina 1, Porto",
            location = new { latitude = 41.149, longitude = -8.606 },
        });
        property.EnsureSuccessStatusCode();
        var propertyId = (await property.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var contact = await dispatcher.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts",
            new { name = "Maria Silva", email = $"contact-{Guid.NewGuid():N}@example.test", role = "Owner", grantedPropertyIds = Array.Empty<string>() });
        contact.EnsureSuccessStatusCode();
        var contactId = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var (token, hash) = SecretToken.Create();
        await cluster.Orleans.GetGrain<IMagicLinkGrain>(hash).IssueAsync(new MagicLinkGrant(new ContactRef(company.TenantId, customerId, contactId), DateTimeOffset.UtcNow.AddMinutes(15)));
        using var http = new HttpClient { BaseAddress = node };
        var session = await http.PostAsJsonAsync("/api/v1/portal/session", new { token });
        session.EnsureSuccessStatusCode();
        return new Customer(customerId, propertyId, session.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
    }

    /// <summary>Books the first window on offer at the property; returns the new job's id.</summary>
    public async Task<string> BookAsync(Uri node, string description)
    {
        var owner = Owner(node);
        var offers = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/portal/booking/windows?propertyId={PropertyId}&days=3");
        var offer = offers.EnumerateArray().First(o => o.GetProperty("available").GetBoolean());
        var response = await owner.PostAsJsonAsync("/api/v1/portal/service-requests", new { propertyId = PropertyId, description, windowStart = offer.GetProperty("start").GetDateTimeOffset() });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
