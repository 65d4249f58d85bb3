using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Documents.Reports;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.Email;

/// <summary>
/// Customer messages by email, through the app's mail sender. The completion email carries the job's report as a PDF,
/// rendered here at sending time (never stored in the outbox), so it is the report as it stands when the mail goes.
/// A report that cannot be rendered (the job gone, storage failing, no font, longer than half the send timeout, too big
/// to mail) does not hold the mail back: it goes without the attachment, since its text links to the report in the
/// portal, and a warning is logged.
/// </summary>
public sealed partial class EmailChannel(IEmailSender mail, JobReportPdfs reports, IOptions<OutboxOptions> options, ILogger<EmailChannel> logger) : IMessageChannel
{
    /// <summary>A report larger than this goes unattached: with base64 it would pass the 25 MB many mailboxes accept.</summary>
    public const int MaxAttachmentBytes = 15 * 1024 * 1024;

    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var m = message.Message;
        var attachments = await AttachmentsAsync(message, cancellationToken);
        return await mail.SendAsync(new EmailMessage(m.Recipient, m.Subject ?? "", m.Text) { Html = m.Html, MessageId = MessageIdFor(m), Attachments = attachments }, cancellationToken);
    }

    /// <summary>
    /// The Message-Id a message is always sent with, derived from its delivery key: a copy sent again after a crash
    /// carries the same id, so mail systems can tell it is the same message.
    /// </summary>
    public static string MessageIdFor(OutgoingMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{message.TenantId}\n{message.DeliveryKey}"));
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@orleansportal.notifications";
    }

    private async Task<IReadOnlyList<EmailAttachment>> AttachmentsAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var m = message.Message;
        if (m.Trigger != NotificationTrigger.Completed || m.TicketId is null) return [];
        if (!reports.Available)
        {
            LogNoReport(message.Id, m.TicketId, "no font for PDF reports on this machine");
            return [];
        }

        // Half the send's time at most, so the mail itself still has the other half.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.SendTimeout / 2);
        try
        {
            var pdf = await reports.RenderAsync(m.TenantId, m.TicketId, m.Language ?? "", budget.Token);
            if (pdf.Content.Length <= MaxAttachmentBytes) return [new EmailAttachment(pdf.FileName, ReportPdfResults.ContentType, pdf.Content)];
            LogNoReport(message.Id, m.TicketId, $"the PDF is {pdf.Content.Length / (1024 * 1024)} MB, more than a mail should carry");
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // Deliberately broad: whatever stops the report (the job gone, storage, a photo PDFsharp cannot take, its share
            // of the time spent) must not cost the customer the message, whose text links to the report in the portal.
            // Only the send's own cancellation goes through, so the outbox retries it as it would any send.
            LogReportFailed(failure, message.Id, m.TicketId);
        }
        return [];
    }

    // The message and job ids only: no address or report text in logs.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} goes without the report of job {TicketId}: {Reason}")]
    private partial void LogNoReport(long messageId, string ticketId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} goes without the report of job {TicketId}: it could not be rendered")]
    private partial void LogReportFailed(Exception exception, long messageId, string ticketId);
}
