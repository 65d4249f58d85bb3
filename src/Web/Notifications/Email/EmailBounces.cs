using System.Data.Common;
using Microsoft.Extensions.Options;
using MimeKit;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.OptOuts;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Web.Email;
using OrleansPortal.Web.Email.Bounces;
using OrleansPortal.Web.Email.Inbound;

namespace OrleansPortal.Web.Notifications.Email;

/// <summary>
/// Bounces of the outbox's email, received at their per-message return paths (<see cref="BounceAddresses"/>):
/// <list type="bullet">
/// <item>a delivery report saying delivery failed marks the message bounced in its delivery log, with the server's
/// status and words;</item>
/// <item>when it says the address itself is bad (5.1.x), the address is recorded as bounced for the company
/// (<see cref="BouncedAddresses"/>), and <see cref="Outbox.DeliveryRules"/> sends it no more email;</item>
/// <item>anything else that reaches a return path (an out-of-office reply, a delay warning, a report about another
/// message) changes nothing.</item>
/// </list>
/// A report about a message whose "sent" is not written yet (the bounce beat our own write) is looked for again for a
/// few seconds. Storage failing defers the mail, so the bouncing server delivers it again later.
/// </summary>
public sealed partial class EmailBounces(IOptions<EmailOptions> email, INotificationOutbox outbox, IOptOutStore optOuts, DomainClock clock, ILogger<EmailBounces> logger)
    : IInboundMailbox
{
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromMilliseconds(200);
    private const int Looks = 15;

    private readonly BounceAddresses? _addresses = BounceAddresses.From(email.Value);

    public bool Accepts(string address) => _addresses?.MessageIdFor(address) is not null;

    public async Task ReceiveAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var messageId = _addresses?.MessageIdFor(mail.Recipient) ?? throw new ArgumentException("Not a return path of ours.", nameof(mail));
        var report = DeliveryReport.Read(mail.Message);
        if (report is null || !report.CanBeAbout(messageId))
        {
            LogIgnored(messageId, report is null ? "not a delivery report" : "a report about another message");
            return;
        }

        if (report.Failure is not { } failure) return; // a delay warning, or a success someone asked for: the log says sent already
        try
        {
            var stored = await FindAsync(messageId, cancellationToken);
            if (stored is null)
            {
                LogIgnored(messageId, "no message has that id");
                return;
            }

            var now = clock.GetUtcNow();
            var m = stored.Message;
            await outbox.RecordProviderReportAsync(nameof(NotificationChannel.Email), messageId, OutboxStatus.Bounced, failure.Detail, now, cancellationToken);
            var sender = BouncedAddresses.Sender(m.TenantId);
            // The same report delivered twice (after a deferral) records the address once.
            if (failure.AddressIsBad && !await optOuts.IsOptedOutAsync(NotificationChannel.Email, m.Recipient, sender, cancellationToken))
                await optOuts.RecordAsync(new OptOutChange(NotificationChannel.Email, m.Recipient, sender, OptedOut: true, now, OptOutSources.Bounce), cancellationToken);
            LogBounced(stored.Id, m.TenantId, failure.Status ?? "", failure.AddressIsBad);
        }
        catch (DbException ex)
        {
            throw new InboundMailDeferredException("The bounce could not be recorded now.", ex);
        }
    }

    private async Task<OutboxMessage?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        for (var look = 0; ; look++)
        {
            var stored = await outbox.FindByProviderAsync(nameof(NotificationChannel.Email), messageId, cancellationToken);
            if (stored is not null || look == Looks - 1) return stored;
            await Task.Delay(LookAgainAfter, cancellationToken);
        }
    }

    // Ids and codes only: no address or mail text in logs.
    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} of tenant {TenantId} bounced ({Status}); address marked bad: {AddressIsBad}")]
    private partial void LogBounced(long messageId, string tenantId, string status, bool addressIsBad);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to the return path of {EmailMessageId} changed nothing: {Reason}")]
    private partial void LogIgnored(string emailMessageId, string reason);
}
