using Microsoft.Extensions.DependencyInjection;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Tests.Infrastructure;

namespace OrleansPortal.Grains.Tests.Customers;

/// <summary>The customer grain keeps the company's directory and the email index in step with its own changes.</summary>
public sealed class CustomerGrainTests(GrainCluster cluster) : IClassFixture<GrainCluster>
{
    private readonly IClusterClient _client = cluster.Client;
    private readonly string _tenant = "tenant-" + TenantKeys.NewId();

    private ICustomerDirectory Directory => cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ICustomerDirectory>();

    [Fact]
    public async Task TheDirectoryRow_FollowsCreationRenamingContactsAndProperties()
    {
        var (customer, id) = NewCustomer();
        await customer.CreateAsync(new NewCustomer("Smith household", CustomerKind.Residential));
        Assert.Equal("Smith household", Assert.Single(await Directory.SearchAsync(_tenant, null, null, 10)).Name);

        await customer.UpdateAsync(new NewCustomer("Harbour Offices", CustomerKind.Commercial));
        var contact = await customer.AddContactAsync(new NewContact("Rita Lopes", Email(), "+351 912 000 111", ContactRole.Owner, []));
        await customer.AddPropertyAsync("site-1");

        var row = Assert.Single(await Directory.SearchAsync(_tenant, "912000111", null, 10));
        Assert.Equal((id, "Harbour Offices", CustomerKind.Commercial, "Rita Lopes", 1, 1), (row.CustomerId, row.Name, row.Kind, row.ContactName, row.Contacts, row.Properties));

        await customer.RemoveContactAsync(contact.ContactId);
        Assert.Empty(await Directory.SearchAsync(_tenant, "rita", null, 10));
        Assert.Equal(0, Assert.Single(await Directory.SearchAsync(_tenant, "harbour", null, 10)).Contacts);
    }

    [Fact]
    public async Task ANewEmail_SignsTheContactIn_AndTheOldOneNoMore()
    {
        var (customer, id) = NewCustomer();
        await customer.CreateAsync(new NewCustomer("Smith household", CustomerKind.Residential));
        var (old, renewed) = (Email(), Email());
        var contact = await customer.AddContactAsync(new NewContact("Rita Lopes", old, null, ContactRole.Owner, []));

        var changed = await customer.UpdateContactAsync(contact.ContactId, new NewContact("Rita Lopes", renewed, "+351 912 000 111", ContactRole.Owner, []));

        Assert.Equal((renewed, "+351 912 000 111", contact.Preferences), (changed.Email, changed.Phone, changed.Preferences));
        Assert.Empty(await _client.GetGrain<IContactEmailGrain>(old).GetAsync());
        Assert.Equal([new ContactRef(_tenant, id, contact.ContactId)], await _client.GetGrain<IContactEmailGrain>(renewed).GetAsync());
    }

    [Fact]
    public async Task ARemovedContact_IsGoneFromTheCustomerAndTheEmailIndex()
    {
        var (customer, _) = NewCustomer();
        await customer.CreateAsync(new NewCustomer("Smith household", CustomerKind.Residential));
        var email = Email();
        var contact = await customer.AddContactAsync(new NewContact("Rita Lopes", email, null, ContactRole.Owner, []));

        await customer.RemoveContactAsync(contact.ContactId);

        Assert.Empty((await customer.GetAsync()).Contacts);
        Assert.Empty(await _client.GetGrain<IContactEmailGrain>(email).GetAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => customer.RemoveContactAsync(contact.ContactId));
    }

    [Fact]
    public async Task AContactEdit_KeepsTheRulesOfAdding()
    {
        var (customer, _) = NewCustomer();
        await customer.CreateAsync(new NewCustomer("Harbour Offices", CustomerKind.Commercial));
        await customer.AddPropertyAsync("site-1");
        var taken = Email();
        await customer.AddContactAsync(new NewContact("Ana", taken, null, ContactRole.Owner, []));
        var manager = await customer.AddContactAsync(new NewContact("Rui", Email(), null, ContactRole.PropertyManager, ["site-1"]));

        await Assert.ThrowsAsync<ConflictException>(() => customer.UpdateContactAsync(manager.ContactId, manager.AsNew() with { Email = taken }));
        await Assert.ThrowsAsync<ConflictException>(() => customer.UpdateContactAsync(manager.ContactId, manager.AsNew() with { GrantedPropertyIds = ["site-2"] }));
        var owner = await customer.UpdateContactAsync(manager.ContactId, manager.AsNew() with { Role = ContactRole.Owner });

        Assert.Empty(owner.GrantedPropertyIds); // an owner sees every site; grants would suggest a limit that does not apply
        Assert.Equal(["site-1"], await customer.GetVisiblePropertyIdsAsync(manager.ContactId));
    }

    [Fact]
    public async Task AnEditWhoseWriteFailed_IsNotApplied_NorListed()
    {
        var (customer, _) = NewCustomer();
        await customer.CreateAsync(new NewCustomer("Smith household", CustomerKind.Residential));

        using (StorageFaults.FailWritesOf(customer))
            await Assert.ThrowsAnyAsync<Exception>(() => customer.UpdateAsync(new NewCustomer("Renamed", CustomerKind.Commercial)));

        Assert.Equal("Smith household", (await customer.GetAsync()).Name);
        Assert.Equal("Smith household", Assert.Single(await Directory.SearchAsync(_tenant, null, null, 10)).Name);
    }

    [Fact]
    public async Task AnUnsubscribe_TurnsOffOneChannelsMarketing_AndKeepsEveryOtherPreference()
    {
        var (customer, _) = NewCustomer();
        await customer.CreateAsync(new NewCustomer("Smith household", CustomerKind.Residential));
        var contact = await customer.AddContactAsync(new NewContact("Rita Lopes", Email(), "+351912000111", ContactRole.Owner, []));
        var chosen = new NotificationPreferences(new(true, false, true), new(false, true, true), new QuietHours(new(22, 0), new(7, 0), "Europe/Lisbon"), "pt");
        await customer.SetPreferencesAsync(contact.ContactId, chosen);

        var changed = await customer.SetMarketingAsync(contact.ContactId, NotificationChannel.Email, false);

        Assert.Equal(chosen with { Email = chosen.Email with { Marketing = false } }, changed.Preferences);
        Assert.Equal(changed.Preferences, (await customer.GetContactAsync(contact.ContactId)).Preferences);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => customer.SetMarketingAsync(contact.ContactId, NotificationChannel.InApp, false));
    }

    private (ICustomerGrain Grain, string Id) NewCustomer()
    {
        var id = TenantKeys.NewId();
        return (_client.GetGrain<ICustomerGrain>(TenantKeys.For(_tenant, id)), id);
    }

    private static string Email() => $"c-{Guid.NewGuid():N}@example.com";
}

internal static class ContactEdits
{
    public static NewContact AsNew(this CustomerContact c) => new(c.Name, c.Email, c.Phone, c.Role, c.GrantedPropertyIds);
}
