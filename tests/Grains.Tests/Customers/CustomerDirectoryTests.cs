using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Storage;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Customers;

/// <summary>The customer directory's contract, run once per database by the sealed subclasses. Each test uses fresh tenants.</summary>
public abstract class CustomerDirectoryTests(HistoryDatabase database) : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private PortalDatabase _tables = null!;
    private CustomerDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _tables = await PortalTables.OpenAsync(database);
        _directory = new CustomerDirectory(_tables);
    }

    public Task DisposeAsync() => _tables.DisposeAsync().AsTask();

    [Fact]
    public async Task SavingACustomerAgain_KeepsOneRow_WithWhatItSaysNow()
    {
        var tenant = NewTenant();
        var customer = Customer(tenant, "Smith household");

        await _directory.SaveAsync(customer);
        await _directory.SaveAsync(customer with
        {
            Name = "Smith & Daughters",
            Kind = CustomerKind.Commercial,
            Contacts = [Contact("Ana Smith", "ana@example.com", "+351 912 345 678", ContactRole.AccountsPayable), Contact("Rui Smith", "rui@example.com", null, ContactRole.Owner)],
            PropertyIds = ["p1", "p2"],
        });

        var row = Assert.Single(await _directory.SearchAsync(tenant, null, null, 10));
        Assert.Equal(new CustomerListing(customer.CustomerId, "Smith & Daughters", CustomerKind.Commercial, "Rui Smith", "rui@example.com", null, 2, 2, T0), row);
    }

    [Theory]
    [InlineData("harbour")]
    [InlineData("HARBOUR offices")]
    [InlineData("joao")]                  // a contact's name, without its accent
    [InlineData("joão.p@harbour")]        // part of a contact's email
    [InlineData("912 345")]               // a phone as written
    [InlineData("912345678")]             // a phone by its digits alone
    [InlineData("offices joao")]          // words from the name and from a contact
    public async Task ASearch_FindsTheCustomerByNameOrAContactsNameEmailOrPhone(string query)
    {
        var tenant = NewTenant();
        var harbour = Customer(tenant, "Harbour Offices Ltd", Contact("João Pereira", "joão.p@harbour.example", "+351 912-345-678", ContactRole.Owner));
        await _directory.SaveAsync(harbour);
        await _directory.SaveAsync(Customer(tenant, "Smith household", Contact("Ana Smith", "ana@example.com", "+351 933 000 111", ContactRole.Owner)));

        var found = await _directory.SearchAsync(tenant, query, null, 10);

        Assert.Equal([harbour.CustomerId], found.Select(c => c.CustomerId));
    }

    [Fact]
    public async Task EveryWordMustBeFound_AndAWordOfNothingFindsNothing()
    {
        var tenant = NewTenant();
        await _directory.SaveAsync(Customer(tenant, "Harbour Offices Ltd"));

        Assert.Empty(await _directory.SearchAsync(tenant, "harbour smith", null, 10));
        Assert.Empty(await _directory.SearchAsync(tenant, "zebra", null, 10));
        Assert.Single(await _directory.SearchAsync(tenant, " ,.; ", null, 10)); // no words: the whole list
    }

    [Fact]
    public async Task AnotherTenantsCustomers_AreNeverListedOrFound()
    {
        var (ours, theirs) = (NewTenant(), NewTenant());
        var mine = Customer(ours, "Harbour Offices");
        await _directory.SaveAsync(mine);
        await _directory.SaveAsync(Customer(theirs, "Harbour Offices"));
        var theirsOnly = Customer(theirs, "Bay Hotel");
        await _directory.SaveAsync(theirsOnly);

        Assert.Equal([mine.CustomerId], (await _directory.SearchAsync(ours, null, null, 10)).Select(c => c.CustomerId));
        Assert.Equal([mine.CustomerId], (await _directory.SearchAsync(ours, "harbour", null, 10)).Select(c => c.CustomerId));
        Assert.Empty(await _directory.SearchAsync(ours, "bay", null, 10));
        Assert.Empty(await _directory.SearchAsync(ours, null, theirsOnly.CustomerId, 10)); // their id is no place to continue from
    }

    [Fact]
    public async Task Pages_OfAFewThousandCustomers_ListEveryMatchOnce_ByNameIgnoringCase()
    {
        var tenant = NewTenant();
        var saved = new List<CustomerSnapshot>();
        for (var i = 0; i < 2_000; i++)
        {
            var customer = Customer(tenant, $"{(i % 2 == 0 ? "lima" : "Lima")} {i % 37:D2} {(i % 3 == 0 ? "Garden Services" : "Household")}");
            saved.Add(customer);
        }
        foreach (var batch in saved.Chunk(50)) await Task.WhenAll(batch.Select(c => _directory.SaveAsync(c)));

        var listed = new List<CustomerListing>();
        string? after = null;
        while (true)
        {
            var page = await _directory.SearchAsync(tenant, "garden", after, 97);
            listed.AddRange(page);
            if (page.Count < 97) break;
            after = page[^1].CustomerId;
        }

        var expected = saved.Where(c => c.Name.EndsWith("Garden Services", StringComparison.Ordinal))
            .OrderBy(c => c.Name.ToUpperInvariant(), StringComparer.Ordinal).ThenBy(c => c.CustomerId, StringComparer.Ordinal)
            .Select(c => c.CustomerId);
        Assert.Equal(expected, listed.Select(c => c.CustomerId));
    }

    private static string NewTenant() => "tenant-" + TenantKeys.NewId();

    private static CustomerSnapshot Customer(string tenant, string name, params CustomerContact[] contacts) =>
        new(tenant, TenantKeys.NewId(), name, CustomerKind.Residential, T0, contacts, []);

    private static CustomerContact Contact(string name, string email, string? phone, ContactRole role) =>
        new(TenantKeys.NewId(), name, email, phone, role, [], NotificationPreferences.Default);
}
