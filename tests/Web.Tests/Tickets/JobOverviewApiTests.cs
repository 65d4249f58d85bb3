using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Tests.Chat;
using OrleansPortal.Web.Tests.Customers;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Tickets;

/// <summary>GET /api/v1/tickets/{id}/overview, the office's job page in one call: the company's own jobs, for its dispatchers only.</summary>
public sealed class JobOverviewApiTests(TwoCompaniesFixture companies) : IClassFixture<TwoCompaniesFixture>
{
    [Fact]
    public async Task TheJobsPage_NamesItsCustomerPropertyDocumentsAndThread()
    {
        var (site, job) = await JobAsync(companies.Ours, "Check the backflow valve");
        var estimate = await companies.Ours.Dispatcher.PostAsJsonAsync("/api/v1/estimates", new
        {
            customerId = site.CustomerId, ticketId = job, title = "New valve", currency = "EUR", validUntil = DateTimeOffset.UtcNow.AddDays(10),
            lines = new[] { new { description = "Valve", quantity = 2m, unitAmount = 1250L } },
        });
        estimate.EnsureSuccessStatusCode();

        var page = (await companies.Ours.Dispatcher.GetFromJsonAsync<JobOverviewDto>($"/api/v1/tickets/{job}/overview", ApiJson.Options))!;

        Assert.Equal((job, "Check the backflow valve", "New"), (page.Ticket.Id, page.Ticket.Description, page.Ticket.Status));
        Assert.Equal((site.CustomerId, "Walk-in customers"), (page.Customer.Id, page.Customer.Name));
        Assert.Equal(site.PropertyId, page.Property!.Id);
        Assert.Equal(("New valve", 2500L), (Assert.Single(page.Estimates).Title, page.Estimates[0].Total));
        Assert.Empty(page.Invoices);
        Assert.Null(page.Route); // nobody's yet
        Assert.Equal(ChatScenario.Job(job), page.ThreadId);
        Assert.Empty(page.Report.Notes);
    }

    [Fact]
    public async Task AnotherCompanysJob_Is404_LikeOneThatDoesNotExist()
    {
        var (_, job) = await JobAsync(companies.Ours, "Ours alone");

        Assert.Equal(HttpStatusCode.NotFound, (await companies.Theirs.Dispatcher.GetAsync($"/api/v1/tickets/{job}/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await companies.Ours.Dispatcher.GetAsync($"/api/v1/tickets/{Guid.NewGuid():N}/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await companies.Ours.Dispatcher.GetAsync("/api/v1/tickets/NOT-AN-ID/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await companies.Ours.Dispatcher.GetAsync($"/api/v1/tickets/{job}/overview")).StatusCode);
    }

    [Fact]
    public async Task ACustomersCookie_IsRefused_EvenForTheirOwnJob()
    {
        var (site, job) = await JobAsync(companies.Ours, "The customer's own job");
        var contact = await companies.Ours.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{site.CustomerId}/contacts", new { name = "Walter", email = ChatScenario.UniqueEmail(), role = "Owner" });
        contact.EnsureSuccessStatusCode();
        var contactId = (await contact.Content.ReadFromJsonAsync<ContactDto>(ApiJson.Options))!.Id;
        var customer = await PortalSession.SignInAsync(companies.App, await PortalSession.IssueTokenAsync(companies.App, new ContactRef(companies.Ours.TenantId, site.CustomerId, contactId)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync($"/api/v1/tickets/{job}/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await companies.App.CreateClient().GetAsync($"/api/v1/tickets/{job}/overview")).StatusCode);
    }

    private static async Task<(CustomerSite Site, string Job)> JobAsync(TenantScenario company, string description)
    {
        var site = await company.SiteAsync();
        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", new
        {
            customerId = site.CustomerId, propertyId = site.PropertyId, location = new { latitude = 41.149, longitude = -8.606 },
            address = "Rua de Santa Catarina 1, Porto", description, estimatedMinutes = 45,
        });
        response.EnsureSuccessStatusCode();
        return (site, (await response.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!.Id);
    }
}
