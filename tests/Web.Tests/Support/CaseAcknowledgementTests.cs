using System.Net.Http.Json;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>
/// A new case is acknowledged to the contact who opened it, through the notification engine: by email to the real
/// SMTP server (its number in the subject, the link to the case) and in the portal's bell; nobody else of the customer hears of it.
/// </summary>
public sealed class CaseAcknowledgementTests(MailServer smtp) : IClassFixture<MailServer>
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
}
