using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MimeKit;
using OrleansPortal.Testing;
using OrleansPortal.Web.Support.Cases;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support;

/// <summary>
/// Email to cases over real SMTP both ways: a customer's mail sent to the company's support address (the app's SMTP
/// receiver) opens a case; its acknowledgement and the team's answers reach the real SMTP server (aiosmtpd) with the
/// support address to reply to; the customer's answers, by In-Reply-To or by the case's tag, join the case without the
/// quoted mail. Machines' mail, strangers' mail and a repeated delivery change nothing.
/// </summary>
public sealed class EmailToCaseTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task AMailOpensACase_AndTheCustomersAnswersByMailJoinIt()
    {
        using var app = App(out var port);
        var (company, maria) = await CustomerAsync(app);
        var support = $"support+{company.TenantId}@cases.test";

        var first = Mail(maria.Email, support, "Leak in the garden", "The pipe by the gate leaks since this morning.");
        await InboundSmtp.SendAsync(port, first);
        var ack = await smtp.WaitForMailAsync(maria.Email);
        Assert.Equal("[C-00001] We received your request", ack.Subject);
        Assert.Equal(support, ack.Message.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(first.MessageId, ack.Message.InReplyTo); // one conversation in her mail client
        Assert.Equal(new[] { first.MessageId }, ack.Message.References.ToArray());
        var id = Assert.Single(await QueueAsync(company)).Id;
        var opened = await CaseAsync(company, id);
        Assert.Equal(("Email", "Leak in the garden", "The pipe by the gate leaks since this morning."), (opened.Channel, opened.Subject, opened.Entries[0].Text));

        // Answering the acknowledgement in a mail client: In-Reply-To names it, and the quote is not kept.
        var answer = Mail(maria.Email, support, "Re: Leak in the garden", $"It is the one by the gate.\n\nOn Mon, 7 Dec 2026, Acme <{support}> wrote:\n> We received your request");
        answer.InReplyTo = ack.Message.MessageId;
        await InboundSmtp.SendAsync(port, answer);
        await InboundSmtp.SendAsync(port, answer); // delivered again: added once
        await InboundSmtp.SendAsync(port, first); // the first mail again: no second case
        await Eventually.TrueAsync(async () => (await CaseAsync(company, id)).Entries.Count(e => e.Kind == "Message") == 2, "the answer joins the case");
        Assert.Equal("It is the one by the gate.", (await CaseAsync(company, id)).Entries.Last(e => e.Kind == "Message").Text);
        Assert.Single(await QueueAsync(company));

        // The team answers; the customer answers that by its tag alone (a client that drops In-Reply-To).
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "We come tomorrow at 9." })).EnsureSuccessStatusCode();
        var teamMail = await smtp.WaitForMailAsync(maria.Email, count: 2);
        Assert.Equal("[C-00001] Leak in the garden", teamMail.Subject);
        Assert.Equal(ack.Message.MessageId, teamMail.Message.InReplyTo);
        Assert.Equal(new[] { first.MessageId, ack.Message.MessageId }, teamMail.Message.References.ToArray());
        await InboundSmtp.SendAsync(port, Mail(maria.Email, support, "Re: [C-00001] Leak in the garden", "Perfect, see you then."));
        await Eventually.TrueAsync(async () => (await CaseAsync(company, id)).Status == "Open", "the customer's answer opens the case again");
        Assert.Equal("Perfect, see you then.", (await CaseAsync(company, id)).Entries.Last(e => e.Kind == "Message").Text);
    }

    [Fact]
    public async Task MachinesAndStrangers_OpenNothing_AndAMailToAClosedCase_OpensANewOne()
    {
        using var app = App(out var port);
        var (company, maria) = await CustomerAsync(app);
        var support = $"support+{company.TenantId}@cases.test";

        var autoReply = Mail(maria.Email, support, "Out of office", "Back on Monday.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        await InboundSmtp.SendAsync(port, autoReply);
        await InboundSmtp.SendAsync(port, Mail("stranger@example.test", support, "Hello", "I am nobody's contact."));
        await InboundSmtp.SendAsync(port, Mail(maria.Email, $"support+{new string('e', 32)}@cases.test", "Wrong company", "No such company."));
        using (var client = await InboundSmtp.ConnectAsync(port))
        {
            var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Mail(maria.Email, "support@cases.test", "No company named", "x")));
            Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refused.ErrorCode);
        }

        Assert.Empty(await QueueAsync(company));

        await InboundSmtp.SendAsync(port, Mail(maria.Email, support, "Invoice question", "Why two lines?"));
        await Eventually.TrueAsync(async () => (await QueueAsync(company)).Length == 1, "the case is opened");
        var id = (await QueueAsync(company))[0].Id;
        (await company.Dispatcher.PostAsJsonAsync($"/api/v1/support/cases/{id}/replies", new { text = "One is a pending authorisation.", status = "Resolved" })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PatchAsJsonAsync($"/api/v1/support/cases/{id}", new { status = "Closed" })).EnsureSuccessStatusCode();
        await InboundSmtp.SendAsync(port, Mail(maria.Email, support, "Re: [C-00001] Invoice question", "And the third line?"));

        await Eventually.TrueAsync(async () => (await QueueAsync(company, "")).Length == 2, "a new case is opened");
        var newest = (await QueueAsync(company, ""))[0];
        Assert.Equal(("C-00002", "Invoice question", "New"), (newest.DisplayNumber, newest.Subject, newest.Status));
    }

    private PortalFactory App(out int port)
    {
        var app = new PortalFactory();
        smtp.ConfigureFor(app, "https://portal.test");
        port = FreePort.Next();
        app.Settings["InboundMail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["InboundMail:ListenAddress"] = "127.0.0.1";
        app.Settings["Support:InboundAddress"] = "support@cases.test";
        return app;
    }

    private static async Task<(TenantScenario Company, OrleansPortal.Web.Customers.ContactDto Maria)> CustomerAsync(PortalFactory app)
    {
        var company = await TenantScenario.CreateAsync(app);
        var customer = await CustomerScenario.CreateAsync(company);
        return (company, await customer.AddContactAsync($"maria-{Guid.NewGuid():N}@example.test"));
    }

    private static MimeMessage Mail(string from, string to, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress("Maria Silva", from));
        message.To.Add(MailboxAddress.Parse(to));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.test");
        return message;
    }

    private static async Task<CaseSummaryDto[]> QueueAsync(TenantScenario company, string query = "status=New,Open,WaitingOnCustomer,Resolved,Closed") =>
        (await company.Dispatcher.GetFromJsonAsync<CaseSummaryDto[]>($"/api/v1/support/cases?{query}", ApiJson.Options))!;

    private static async Task<CaseDto> CaseAsync(TenantScenario company, string id) =>
        (await company.Dispatcher.GetFromJsonAsync<CaseDto>($"/api/v1/support/cases/{id}", ApiJson.Options))!;
}
