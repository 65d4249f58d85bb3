using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.Tests.Tickets;

/// <summary>What a ticket may name and say: only the company's own customers and their properties, and reasons of bounded length.</summary>
public sealed class TicketInputTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _app;

    public TicketInputTests(PortalFactory app) => _app = app;

    private static Task<HttpResponseMessage> MoveAsync(TenantScenario company, string id, object change) =>
        company.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{id}/status", change);

    private static object NewTicket(CustomerSite site) => new
    {
        customerId = site.CustomerId,
        propertyId = site.PropertyId,
        location = new { latitude = 41.16, longitude = -8.62 },
        address = "Rua de Santa Catarina 1, Porto",
        estimatedMinutes = 60,
    };

    [Fact]
    public async Task ATicketForAnotherCompanysCustomer_OrForNobody_IsRefused_AndNothingIsCreated()
    {
        var a = await TenantScenario.CreateWithManualDispatchAsync(_app, "A");
        var b = await TenantScenario.CreateWithManualDispatchAsync(_app, "B");
        var ours = await a.SiteAsync();
        var theirs = await b.SiteAsync();
        var ourOtherCustomer = await CustomerScenario.CreateAsync(a, "Costa household");
        var notOurs = new (CustomerSite Site, string Field)[]
        {
            (new("not-a-customer", ours.PropertyId), "customerId"),
            (new(new string('a', 32), ours.PropertyId), "customerId"),
            (theirs, "customerId"),
            (ours with { PropertyId = theirs.PropertyId }, "propertyId"),
            (ours with { PropertyId = (await ourOtherCustomer.AddPropertyAsync()).Id }, "propertyId"),
        };

        foreach (var (site, field) in notOurs)
        {
            var response = await a.Dispatcher.PostAsJsonAsync("/api/v1/tickets", NewTicket(site));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{site}: {problem}");
        }
        Assert.Empty((await a.Dispatcher.GetFromJsonAsync<DayBoard>("/api/v1/dispatch/board", ApiJson.Options))!.Unassigned);
    }

    [Fact]
    public async Task AStatusReasonPastItsLimit_IsRefused_AndTheTicketIsUnchanged()
    {
        var company = await TenantScenario.CreateWithManualDispatchAsync(_app);
        var created = await company.Dispatcher.PostAsJsonAsync("/api/v1/tickets", NewTicket(await company.SiteAsync()));
        var ticket = (await created.Content.ReadFromJsonAsync<TicketDto>(ApiJson.Options))!;

        var tooLong = await MoveAsync(company, ticket.Id, new { status = "OnHold", reason = new string('r', InputLimits.Text + 1) });
        var longest = await MoveAsync(company, ticket.Id, new { status = "OnHold", reason = new string('r', InputLimits.Text) });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("reason", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(["New", "OnHold"], (await company.Dispatcher.GetFromJsonAsync<TicketDto>($"/api/v1/tickets/{ticket.Id}"))!.Audit.Select(a => a.To));
    }
}
