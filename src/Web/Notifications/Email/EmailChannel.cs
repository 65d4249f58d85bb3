using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Documents.Reports;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Email.Bounces;
using OrleansPortal.Web.Notifications.Outbox;
using OrleansPortal.Web.Notifications.Unsubscribe;
using OrleansPortal.Web.Support.Email;

namespace OrleansPortal.Web.Notifications.Email;

/// <summary>
/// Customer messages by email, through the app's mail sender.
/// <list type="bullet">
/// <item>A marketing message gets the one-click unsubscribe headers (RFC 8058) with a link made as it is sent, for the
/// recipient it goes to; service messages never have them.</item>
/// <item>A support case's messages (acknowledgement, answers) have the company's support address as their Reply-To,
/// when email to cases is set up (<see cref="SupportEmailOptions"/>), so the customer's answer joins the case; and
/// In-Reply-To and References (<see cref="CaseMailThreads"/>), so mail clients show the case as one conversation.</item>
/// <item>The completion email carries the job's report as a PDF, rendered here at sending time (never stored in the
/// outbox), so it is the report as it stands when the mail goes. A report that cannot be rendered (the job gone, storage
/// failing, no font, longer than half the send timeout, too big to mail) does not hold the mail back: it goes without
/// the attachment, since its text links to the report in the portal, and a warning is logged.</item>
/// </list>
/// </summary>
public sealed partial class EmailChannel(
    IEmailSender mail, UnsubscribeTokens unsubscribeTokens, JobReportPdfs reports, IOptions<OutboxOptions> options, IOptions<EmailOptions> emailOptions,
    IOptions<SupportEmailOptions> supportOptions, CaseMailThreads threads, ILogger<EmailChannel> logger)
    : IMessageChannel
{
    private readonly BounceAddresses? _bounces = BounceAddresses.From(emailOptions.Value);
    private readonly SupportAddresses? _support = SupportAddresses.From(supportOptions.Value);

    /// <summary>A report larger than this goes unattached: with base64 it would pass the 25 MB many mailboxes accept.</summary>
    public const int MaxAttachmentBytes = 15 * 1024 * 1024;

    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var m = message.Message;
        var messageId = MessageIdFor(m);
        var email = new EmailMessage(m.Recipient, m.Subject ?? "", m.Text)
        {
            Html = m.Html, MessageId = messageId, ReturnPath = _bounces?.For(messageId), Attachments = await AttachmentsAsync(message, cancellationToken),
            // A support case's messages are answered to the company's support address, where the answer joins the case.
            ReplyTo = m.Trigger is NotificationTrigger.CaseAcknowledged or NotificationTrigger.CaseReplied ? _support?.For(m.TenantId) : null,
        };
        if (await threads.ForAsync(m) is { } thread) email = email with { InReplyTo = thread.InReplyTo, References = thread.References };
        if (m is { Marketing: true, CustomerId: { } customerId, ContactId: { } contactId })
        {
            var url = unsubscribeTokens.UrlFor(new UnsubscribeGrant(m.TenantId, customerId, contactId, NotificationChannel.Email, m.Recipient));
            // RFC 8058 allows only https. A portal published on plain http (dotnet run) still sends the mail, with the
            // footer's link but without the headers a mail provider would refuse to use.
            if (url.Scheme == Uri.UriSchemeHttps) email = email with { Marketing = true, UnsubscribeUrl = url };
            else LogNoOneClick(logger, m.TenantId);
        }

        return await mail.SendAsync(email, cancellationToken);
    }

    /// <summary>
    /// The Message-Id a message is always sent with, derived from its delivery key: a copy sent again after a crash
    /// carries the same id, so mail systems can tell it is the same message.
    /// </summary>
    public static string MessageIdFor(OutgoingMessage message) => MessageIdFor(message.TenantId, message.DeliveryKey);

    /// <inheritdoc cref="MessageIdFor(OutgoingMessage)"/>
    public static string MessageIdFor(string tenantId, string deliveryKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\n{deliveryKey}"));
        return $"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{BounceAddresses.MessageIdDomain}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A marketing mail of tenant {TenantId} goes without List-Unsubscribe headers: the portal's public address is not https (RFC 8058)")]
    private static partial void LogNoOneClick(ILogger logger, string tenantId);

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
