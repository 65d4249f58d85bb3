using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Customers;

public sealed class CustomerOverviewApiTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheCustomersPage_HasContactsPropertiesJobsDocumentsAndConversations_AndNothingOfAnotherCustomer()
    {
        var world = await DocumentScenario.CreateAsync(app);
        var manager = await world.Customer.AddContactAsync(DocumentScenario.UniqueEmail(), "PropertyManager", world.Property.Id);
        var done = await world.AddAssignedJobAsync("Spring start-up");
        await world.WorkJobAsync(done);
        var upcoming = await world.AddAssignedJobAsync("Replace the valve");
        var estimate = await world.CreateEstimateAsync();
        var invoice = await world.IssueInvoiceAsync();
        await world.Owner.SendAsync(ChatMessageMapping.PortalBase, ChatScenario.General(world.Customer.Id), "Can you come earlier?");
        await world.Dispatcher.SendAsync(ChatMessageMapping.TeamBase, ChatScenario.Job(upcoming), "On our way tomorrow.");
        // Another customer of the same company, with a job and a thread of its own.
        var (other, _, _, otherJob) = await ChatScenario.CustomerWithJobAsync(world.Company, "Other household");
        await world.Dispatcher.SendAsync(ChatMessageMapping.TeamBase, ChatScenario.Job(otherJob), "Not about the Smiths.");

        var page = (await world.Dispatcher.GetFromJsonAsync<CustomerOverviewDto>($"/api/v1/customers/{world.Customer.Id}/overview", ApiJson.Options))!;

        Assert.Equal("Smith household", page.Customer.Name);
        Assert.Equal(["Owner", "PropertyManager"], page.Customer.Contacts.Select(c => c.Role));
        Assert.Equal([world.Property.Id], page.Customer.Contacts.Single(c => c.Id == manager.Id).GrantedPropertyIds);
        var property = Assert.Single(page.Properties);
        Assert.Equal((world.Property.Id, world.Property.Address, world.Property.Location), (property.Id, property.Address, property.Location));
        Assert.Equal((upcoming, "Assigned"), (Assert.Single(page.Upcoming).Id, page.Upcoming[0].Status));
        Assert.Equal((done, "Completed"), (Assert.Single(page.Recent).Id, page.Recent[0].Status));
        Assert.Equal(done, Assert.Single(page.Reports).TicketId);
        Assert.Equal(estimate.Id, Assert.Single(page.Estimates).Id);
        Assert.Equal(invoice.Id, Assert.Single(page.Invoices).Id);
        Assert.Equal([ChatScenario.Job(upcoming), ChatScenario.General(world.Customer.Id)], page.Conversations.Select(t => t.ThreadId));
        Assert.Equal(1, page.Conversations.Single(t => t.Kind == "Customer").Unread); // the owner's message, not yet read by the team
        Assert.Equal(ChatScenario.General(world.Customer.Id), page.GeneralThreadId);
        Assert.DoesNotContain(otherJob, page.Upcoming.Concat(page.Recent).Select(j => j.Id));
        Assert.NotEqual(other.Id, world.Customer.Id);
    }

    [Fact]
    public async Task ANewCustomersPage_IsEmptyButWhole()
    {
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company, "Brand new");

        var page = (await company.Dispatcher.GetFromJsonAsync<CustomerOverviewDto>($"/api/v1/customers/{customer.Id}/overview", ApiJson.Options))!;

        Assert.Equal("Brand new", page.Customer.Name);
        Assert.Empty(page.Properties);
        Assert.Empty(page.Upcoming);
        Assert.Empty(page.Recent);
        Assert.Empty(page.Estimates);
        Assert.Empty(page.Conversations);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("NOT-AN-ID")]
    public async Task AnUnknownCustomer_Is404(string id)
    {
        var company = await TenantScenario.CreateAsync(app);

        var response = await company.Dispatcher.GetAsync($"/api/v1/customers/{id}/overview");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
