using System.Net;
using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MimeKit;
using OrleansPortal.Testing;
using OrleansPortal.Web.Customers;
using OrleansPortal.Web.Notifications.Composer;
using OrleansPortal.Web.Notifications.Timeline;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Notifications.Email;

/// <summary>
/// Bounces, end to end through real SMTP: the app sends each message with its own return path to the real SMTP server
/// (aiosmtpd), which takes mail for bounce.test and then bounces it as a relay does, with a delivery report sent by SMTP
/// to the app's own receiver. The message's log says bounced; an unknown address gets no more mail until the team says
/// it works again; a full mailbox does not stop the next message; and mail the receiver is not for changes nothing.
/// </summary>
public sealed class EmailBounceTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task AnUnknownAddress_BouncesTheMessage_AndGetsNoMoreMail_UntilTheTeamSaysItWorksAgain()
    {
        using var app = App();
        var (company, customer, contact) = await CustomerWithContactAsync(app, $"gone-{Guid.NewGuid():N}@{MailServer.BounceDomain}");

        var first = await SendAsync(company, customer.Id, contact.Id, "About Tuesday's visit");
        var mail = await smtp.WaitForMailAsync(contact.Email);
        // The envelope sender the relay bounced to: the bounce address with this message's id.
        var returnPath = mail.Message.Headers["X-MailFrom"] ?? throw new InvalidOperationException("aiosmtpd records the envelope sender as X-MailFrom.");
        Assert.Matches(@"^bounces\+[0-9a-f]{32}@portal\.test$", returnPath);
        Assert.Equal($"{returnPath["bounces+".Length..returnPath.IndexOf('@', StringComparison.Ordinal)]}@orleansportal.notifications", mail.Message.MessageId);

        var bounced = await SettledAsync(company, customer.Id, first, "Bounced");
        Assert.Equal(mail.Message.MessageId, bounced.ProviderId);
        var log = await LogAsync(company, customer.Id, first);
        Assert.Equal(["sent", "bounced"], log.Select(s => s.Status));
        Assert.Contains("5.1.1", log.Last().Detail, StringComparison.Ordinal);
        var optOut = Assert.Single(await OptOutsAsync(company, customer.Id));
        Assert.Equal((contact.Id, "Email", contact.Email, true, "email", "bounce"), (optOut.ContactId, optOut.Channel, optOut.Address, optOut.OptedOut, optOut.Scope, optOut.Source));

        // The next message is stopped before it goes, and says why.
        var second = await SendAsync(company, customer.Id, contact.Id, "Second try");
        var suppressed = await SettledAsync(company, customer.Id, second, "Suppressed");
        Assert.Equal("the address bounced as unknown", suppressed.Error);
        Assert.Single(smtp.MailTo(contact.Email));

        // The team's word that it works again: the next message goes (and bounces again, as the address is still gone).
        Assert.Equal(HttpStatusCode.NoContent, (await company.Dispatcher.DeleteAsync($"/api/v1/customers/{customer.Id}/communications/bounces/{contact.Id}")).StatusCode);
        Assert.False((await OptOutsAsync(company, customer.Id))[0].OptedOut);
        var third = await SendAsync(company, customer.Id, contact.Id, "Third try");
        await smtp.WaitForMailAsync(contact.Email, count: 2);
        await SettledAsync(company, customer.Id, third, "Bounced");
        Assert.True((await OptOutsAsync(company, customer.Id))[0].OptedOut);
    }

    [Fact]
    public async Task AFullMailbox_BouncesTheMessage_ButTheNextOneStillGoes()
    {
        using var app = App();
        var (company, customer, contact) = await CustomerWithContactAsync(app, $"full-{Guid.NewGuid():N}@{MailServer.BounceDomain}");

        var first = await SendAsync(company, customer.Id, contact.Id, "About Tuesday's visit");
        await SettledAsync(company, customer.Id, first, "Bounced");
        Assert.Contains("5.2.2", (await LogAsync(company, customer.Id, first)).Last().Detail, StringComparison.Ordinal);
        Assert.Empty(await OptOutsAsync(company, customer.Id));

        await SendAsync(company, customer.Id, contact.Id, "Second try");
        await smtp.WaitForMailAsync(contact.Email, count: 2);
    }

    [Fact]
    public async Task MailTheReceiverIsNotFor_IsRefused_AndWhatIsNoBounce_ChangesNothing()
    {
        using var app = App(out var port);
        var (company, customer, contact) = await CustomerWithContactAsync(app, $"maria-{Guid.NewGuid():N}@example.test");
        var sent = await SendAsync(company, customer.Id, contact.Id, "About Tuesday's visit");
        var mail = await smtp.WaitForMailAsync(contact.Email);
        await SettledAsync(company, customer.Id, sent, "Sent");
        var returnPath = mail.Message.Headers["X-MailFrom"] ?? throw new InvalidOperationException("aiosmtpd records the envelope sender as X-MailFrom.");

        using var client = await InboundSmtp.ConnectAsync(port);
        // Another recipient of the domain, or another domain: no relay, refused before any content is sent.
        foreach (var stranger in new[] { "someone@portal.test", "bounces@portal.test", "bounces+0123@portal.test", "maria@example.test" })
        {
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Mail(stranger, "Hello"), new MailboxAddress("", "x@elsewhere.test"), [new MailboxAddress("", stranger)]));
            Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refused.ErrorCode);
        }

        // An out-of-office reply to the return path, and a report of an unknown message id: taken, and nothing changes.
        await client.SendAsync(Mail(returnPath, "Out of office until Monday"), new MailboxAddress("", "maria@example.test"), [new MailboxAddress("", returnPath)]);
        var unknown = $"bounces+{Guid.NewGuid():N}@portal.test";
        using var forged = Report(unknown, "<" + Guid.NewGuid().ToString("N") + "@orleansportal.notifications>");
        await client.SendAsync(forged, new MailboxAddress("", ""), [new MailboxAddress("", unknown)]);
        // A report about another message, sent to this message's return path: not about this one.
        using var misdirected = Report(returnPath, "<someone-else@example.test>");
        await client.SendAsync(misdirected, new MailboxAddress("", ""), [new MailboxAddress("", returnPath)]);
        await client.DisconnectAsync(quit: true);

        Assert.Equal("Sent", (await TimelineAsync(company, customer.Id)).Single().Status);
        Assert.Empty(await OptOutsAsync(company, customer.Id));
    }

    private PortalFactory App() => App(out _);

    private PortalFactory App(out int port)
    {
        var app = new PortalFactory();
        port = smtp.ConfigureWithBouncesFor(app);
        return app;
    }

    private static MimeMessage Mail(string to, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Maria", "maria@example.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Headers.Add("Auto-Submitted", "auto-replied");
        message.Body = new TextPart("plain") { Text = subject };
        return message;
    }

    /// <summary>A delivery report saying delivery to gone@example.test failed for good, about the message with <paramref name="originalMessageId"/>.</summary>
    private static MimeMessage Report(string to, string originalMessageId)
    {
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList { { "Reporting-MTA", "dns; relay.test" } };
        var perRecipient = new HeaderList { { "Final-Recipient", "rfc822; gone@example.test" }, { "Action", "failed" }, { "Status", "5.1.1" } };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);
        var original = new TextRfc822Headers();
        original.Message = new MimeMessage();
        original.Message.Headers.Replace(HeaderId.MessageId, originalMessageId);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@relay.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.Body = new MultipartReport("delivery-status") { new TextPart("plain") { Text = "Your message could not be delivered." }, status, original };
        return message;
    }

    private static async Task<(TenantScenario Company, CustomerScenario Customer, ContactDto Contact)> CustomerWithContactAsync(PortalFactory app, string email)
    {
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        return (company, customer, await customer.AddContactAsync(email));
    }

    private static async Task<string> SendAsync(TenantScenario company, string customerId, string contactId, string subject)
    {
        var response = await company.Dispatcher.PostAsJsonAsync($"/api/v1/customers/{customerId}/messages", new { contactId, channel = "Email", subject, text = "We will bring the new valve." });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MessageAcceptedDto>(ApiJson.Options))!.Id;
    }

    private static async Task<CommunicationDto[]> TimelineAsync(TenantScenario company, string customerId) =>
        (await company.Dispatcher.GetFromJsonAsync<CommunicationDto[]>($"/api/v1/customers/{customerId}/communications", ApiJson.Options))!;

    private static async Task<DeliveryStepDto[]> LogAsync(TenantScenario company, string customerId, string id) =>
        (await company.Dispatcher.GetFromJsonAsync<DeliveryStepDto[]>($"/api/v1/customers/{customerId}/communications/{id}/deliveries", ApiJson.Options))!;

    private static async Task<OptOutDto[]> OptOutsAsync(TenantScenario company, string customerId) =>
        (await company.Dispatcher.GetFromJsonAsync<OptOutDto[]>($"/api/v1/customers/{customerId}/communications/opt-outs", ApiJson.Options))!;

    private static async Task<CommunicationDto> SettledAsync(TenantScenario company, string customerId, string id, string status)
    {
        CommunicationDto? found = null;
        await Eventually.TrueAsync(async () => (found = (await TimelineAsync(company, customerId)).FirstOrDefault(m => m.Id == id && m.Status == status)) is not null,
            $"message {id} is {status}");
        return found!;
    }
}
