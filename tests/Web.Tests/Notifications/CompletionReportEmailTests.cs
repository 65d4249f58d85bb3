using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Portal;
using OrleansPortal.Web.Tests.Infrastructure;
using OrleansPortal.Web.Tests.Portal;

namespace OrleansPortal.Web.Tests.Notifications;

/// <summary>
/// The completion email carries the job's report as a PDF, rendered when the mail goes (so it has what was written up to
/// then), read here at the real SMTP server; a report that cannot be rendered does not keep the mail from going.
/// </summary>
public sealed class CompletionReportEmailTests(MailServer smtp) : IClassFixture<MailServer>
{
    [Fact]
    public async Task TheCompletionEmail_CarriesTheReportAsAPdf_WithTheNotesWrittenBeforeIt()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var portal = await PortalJobsScenario.CreateAsync(app);
        var email = (await portal.Owner.GetFromJsonAsync<PortalMeDto>("/api/v1/portal/me", ApiJson.Options))!.Email;
        var job = await portal.BookAsync("Sprinklers do not start");
        await Eventually.TrueAsync(async () => (await portal.JobAsync(job.Id)).Status == "Assigned", "the job is assigned");
        foreach (var status in new[] { "EnRoute", "OnSite" }) await MoveAsync(portal, job.Id, status);
        (await portal.Day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{job.Id}/report/notes", new { text = "Controller reset; all six zones run." })).EnsureSuccessStatusCode();

        await MoveAsync(portal, job.Id, "Completed");

        var completion = await WaitForMailAsync(email, m => m.Message.Attachments.Any());
        var attachment = Assert.IsType<MimePart>(Assert.Single(completion.Message.Attachments));
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.Matches(@"^job-report-\d{4}-\d{2}-\d{2}-sprinklers-do-not-start\.pdf$", attachment.FileName);
        var text = PdfText.Read(Decode(attachment)).All;
        Assert.Contains("Job report: Sprinklers do not start", text);
        Assert.Contains("Controller reset; all six zones run.", text);
        Assert.Contains("Technician Gil", text);
        Assert.Contains("Acme Irrigation", text);
        Assert.Contains(portal.Property.Address, text);
        // Only the completion carries it: the earlier mails of the visit have no attachment.
        var others = smtp.MailTo(email).Where(m => m.Subject != completion.Subject).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, m => Assert.Empty(m.Message.Attachments));
    }

    [Fact]
    public async Task ACompletionEmailWhoseReportCannotBeRendered_GoesWithoutIt()
    {
        using var app = new PortalFactory();
        smtp.ConfigureFor(app);
        var company = await TenantScenario.CreateAsync(app, "Gone Jobs Ltd");
        var recipient = $"{Guid.NewGuid():N}@example.test";
        var missingJob = Guid.NewGuid().ToString("N"); // never created: its report cannot be read
        var outbox = app.Services.GetRequiredService<INotificationOutbox>();
        var message = new OutgoingMessage(company.TenantId, $"Completed:{missingJob}:test", NotificationTrigger.Completed, NotificationChannel.Email, recipient,
            CustomerId: null, ContactId: null, TicketId: missingJob, Language: "en", Subject: "Your visit is complete", Text: "The report is in the portal.", Html: null,
            Urgent: false, Marketing: false, NotBefore: DateTimeOffset.UtcNow);

        Assert.NotNull(await outbox.EnqueueAsync(message, DateTimeOffset.UtcNow));
        app.Services.GetRequiredService<OutboxSignal>().Raise();

        var mail = await smtp.WaitForMailAsync(recipient);
        Assert.Equal("Your visit is complete", mail.Subject);
        Assert.Contains("The report is in the portal.", mail.Body);
        Assert.Empty(mail.Message.Attachments);
    }

    private static async Task MoveAsync(PortalJobsScenario portal, string ticketId, string status) =>
        (await portal.Day.Dispatcher.PostAsJsonAsync($"/api/v1/tickets/{ticketId}/status", new { status })).EnsureSuccessStatusCode();

    private async Task<ReceivedMail> WaitForMailAsync(string address, Func<ReceivedMail, bool> which)
    {
        await Eventually.TrueAsync(() => Task.FromResult(smtp.MailTo(address).Any(which)), $"the mail reached {address}");
        return smtp.MailTo(address).First(which);
    }

    private static byte[] Decode(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }
}
