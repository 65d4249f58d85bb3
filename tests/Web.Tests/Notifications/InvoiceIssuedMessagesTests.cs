using System.Net.Http.Json;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Documents;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>
/// "Invoice issued": the office issues an invoice and the people who pay the customer's bills hear of it (owners and
/// accounts payable, never a property manager), by email through the real SMTP server, with its number, its total
/// with tax and a link that opens it in the portal.
/// </summary>
public sealed class InvoiceIssuedMessagesTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task AnIssuedInvoice_IsToldToTheOwnerAndAccountsPayable_ButNotToThePropertyManager()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var s = await DocumentScenario.CreateAsync(app);
        var owner = (await s.Owner.GetFromJsonAsync<PortalMeDto>("/api/v1/portal/me", ApiJson.Options))!;
        var (payablesEmail, managerEmail) = (DocumentScenario.UniqueEmail(), DocumentScenario.UniqueEmail());
        await s.Customer.AddContactAsync(payablesEmail, "AccountsPayable");
        await s.Customer.AddContactAsync(managerEmail, "PropertyManager", s.Property.Id);

        var response = await s.Dispatcher.PostAsJsonAsync("/api/v1/invoices", new
        {
            customerId = s.Customer.Id,
            propertyId = s.Property.Id,
            title = "Spring start-up",
            currency = "EUR",
            dueDate = "2026-12-31",
            lines = new[] { new { description = "Start-up visit", quantity = 1m, unitAmount = 8000L, taxRate = 2300 } },
        });
        var invoice = (await response.Content.ReadFromJsonAsync<OrleansPortal.Web.Documents.InvoiceDto>(ApiJson.Options))!;

        var timeline = (await s.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{s.Customer.Id}/communications", ApiJson.Options))!;
        var told = timeline.Where(m => m.Trigger == "InvoiceIssued").ToList();
        Assert.Equal(new[] { owner.Email, payablesEmail }.Order(), told.Where(m => m.Channel == "Email").Select(m => m.Recipient).Order());
        Assert.DoesNotContain(told, m => m.Recipient == managerEmail);

        var mail = await smtp.WaitForMailAsync(owner.Email);
        Assert.Equal($"Invoice {invoice.Number}", mail.Subject);
        Assert.Contains("€98.40", mail.Body, StringComparison.Ordinal); // 80.00 + 23 % VAT
        Assert.Contains($"http://portal.test/portal/#documents/{invoice.Id}", mail.Body, StringComparison.Ordinal);
    }
}
