using System.Net.Http.Json;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>
/// What a case tells the contact who opened it, through the notification engine: its number when it is opened, and each
/// answer of the team, by email to the real SMTP server (the number in the subject, the link to the case) and in the
/// portal's bell; nobody else of the customer hears of it, and the customer is not told of their own messages.
/// </summary>
public sealed class CaseMessagesTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task TheContactWhoOpenedACase_GetsItsNumber_ByEmailAndInTheBell()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app, "https://portal.test");
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var maria = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        var joao = await customer.AddContactAsync($"joao-{Guid.NewGuid():N}@example.test");
        var portal = await customer.SignInAsync(maria.Id);

        var opened = await portal.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Water in the valve box", description = "It is flooded." });
        var created = (await opened.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!;

        var mail = await smtp.WaitForMailAsync(maria.Email);
        Assert.Equal("[C-00001] We received your request", mail.Subject);
        Assert.Contains("“Water in the valve box”", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"https://portal.test/portal/#support/{created.Id}", mail.Message.HtmlBody, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () =>
        {
            var bell = (await portal.GetFromJsonAsync<OrleansPortal.Web.Notifications.InApp.PortalNotificationsDto>("/api/v1/portal/notifications/", ApiJson.Options))!;
            return bell.Items.Any(n => n.Title == "Request C-00001 received");
        }, "the bell shows the acknowledgement");
        Assert.Empty(smtp.MailTo(joao.Email)); // another owner of the customer is not told of Maria's case
    }

    [Fact]
    public async Task EachAnswerOfTheTeam_IsMailed_WithTheCasesNumber_ButNotTheCustomersOwnReplies()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app, "https://portal.test");
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        var maria = await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test");
        var portal = await customer.SignInAsync(maria.Id);
        var opened = await portal.PostAsJsonAsync("/api/v1/portal/cases", new { subject = "Water in the valve box", description = "It is flooded." });
        var id = (await opened.Content.ReadFromJsonAsync<CaseDto>(ApiJson.Options))!.Id;
        await smtp.WaitForMailAsync(maria.Email); // the acknowledgement

        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "We will come on Tuesday.\nThe gate code, please?" })).EnsureSuccessStatusCode();
        var answer = await smtp.WaitForMailAsync(maria.Email, count: 2);
        Assert.Equal("[C-00001] Water in the valve box", answer.Subject);
        Assert.Contains("We will come on Tuesday.", answer.Body, StringComparison.Ordinal);
        Assert.Contains("The gate code, please?", answer.Body, StringComparison.Ordinal);
        Assert.Contains($"https://portal.test/portal/#support/{id}", answer.Message.HtmlBody, StringComparison.Ordinal);

        (await portal.PostAsJsonAsync($"/api/v1/portal/cases/{id}/replies", new { text = "It is 1234." })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/notes", new { text = "Internal only." })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "Thanks, see you Tuesday.", status = "Resolved" })).EnsureSuccessStatusCode();
        var last = await smtp.WaitForMailAsync(maria.Email, count: 3);
        Assert.Contains("Thanks, see you Tuesday.", last.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.MailTo(maria.Email), m => m.Body.Contains("It is 1234.", StringComparison.Ordinal) || m.Body.Contains("Internal only.", StringComparison.Ordinal));
    }
}
