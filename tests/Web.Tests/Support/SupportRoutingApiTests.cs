using System.Net;
using System.Net.Http.Json;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Support.Routing;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>
/// Automatic assignment over HTTP: off by default; switched on, new cases from the portal go to the team member who
/// handles the category, then by the fewest cases in hand; an agent away gets none; the history says who assigned it.
/// </summary>
public sealed class SupportRoutingApiTests
{
    [Fact]
    public async Task NewCases_GoToTheSpecialist_ThenToWhoeverHoldsFewest_AndNotToWhoIsAway()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var rui = $"rui-{Guid.NewGuid():N}@example.test";
        var eva = $"eva-{Guid.NewGuid():N}@example.test";
        foreach (var email in new[] { rui, eva })
            (await company.Dispatcher.PostAsJsonAsync("/api/v1/dispatchers", new { email, displayName = email[..3], password = TenantScenario.Password })).EnsureSuccessStatusCode();
        var customer = await CustomerScenario.CreateAsync(company);
        var maria = await customer.SignInAsync((await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test")).Id);

        var off = (await company.Dispatcher.GetFromJsonAsync<RoutingSettingsDto>("/api/v1/support/routing", ApiJson.Options))!;
        Assert.False(off.Enabled);
        Assert.Equal([company.Email, rui, eva], off.Agents.Select(a => a.Email));
        Assert.Null((await OpenAsync(company, maria, "Question")).AssigneeEmail);

        var saved = await company.Dispatcher.PutAsJsonAsync("/api/v1/support/routing", new
        {
            enabled = true,
            agents = new object[]
            {
                new { email = company.Email.ToUpperInvariant(), categories = Array.Empty<string>(), takesCases = false },
                new { email = rui, categories = new[] { "billing" } },
                new { email = eva, categories = Array.Empty<string>() },
            },
        });
        saved.EnsureSuccessStatusCode();
        var routing = (await saved.Content.ReadFromJsonAsync<RoutingSettingsDto>(ApiJson.Options))!;
        Assert.Equal(["Billing"], routing.Agents.Single(a => a.Email == rui).Categories);

        var bill = await OpenAsync(company, maria, "Billing");
        var question = await OpenAsync(company, maria, "Question");
        var secondBill = await OpenAsync(company, maria, "Billing");
        Assert.Equal((rui, eva, rui), (bill.AssigneeEmail, question.AssigneeEmail, secondBill.AssigneeEmail));
        Assert.Equal("New", bill.Status); // assigned, not yet worked
        var history = (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{bill.Id}", ApiJson.Options))!;
        Assert.Contains(history.Entries, e => e.Kind == "Change" && e.Field == "assignee" && e.To == rui && e.AuthorName == "Automatic assignment");
        var load = (await company.Dispatcher.GetFromJsonAsync<RoutingSettingsDto>("/api/v1/support/routing", ApiJson.Options))!;
        Assert.Equal([0, 2, 1], load.Agents.Select(a => a.OpenCases));
    }

    [Fact]
    public async Task BadRouting_IsRefused_AndChangesNothing()
    {
        using var app = new PortalFactory();
        var company = await TenantScenario.CreateAsync(app);
        var other = await TenantScenario.CreateAsync(app, "Other Company");

        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PutAsJsonAsync("/api/v1/support/routing",
            new { enabled = true, agents = new[] { new { email = other.Email } } }), "agents");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PutAsJsonAsync("/api/v1/support/routing",
            new { enabled = true, agents = new[] { new { email = company.Email, categories = new[] { "Gardening" } } } }), "agents");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PutAsJsonAsync("/api/v1/support/routing",
            new { enabled = true, agents = new[] { new { email = company.Email }, new { email = company.Email.ToUpperInvariant() } } }), "agents");
        await ValidationProblems.AssertNamesFieldAsync(await company.Dispatcher.PutAsync("/api/v1/support/routing",
            ValidationProblems.Json("{\"enabled\":true,\"agents\":[null]}")), "agents");

        Assert.False((await company.Dispatcher.GetFromJsonAsync<RoutingSettingsDto>("/api/v1/support/routing", ApiJson.Options))!.Enabled);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/support/routing")).StatusCode);
    }

    private static async Task<CaseDto> OpenAsync(TenantScenario company, HttpClient customer, string category)
    {
        var response = await customer.PostAsJsonAsync("/api/v1/portal/cases", new { subject = $"About {category}", category, description = "Please help." });
        response.EnsureSuccessStatusCode();
        var opened = (await response.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!;
        return (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{opened.Id}", ApiJson.Options))!;
    }
}
