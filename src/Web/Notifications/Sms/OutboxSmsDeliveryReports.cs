using OrleansPortal.Grains;
using OrleansPortal.Grains.Notifications;
using OrleansPortal.Grains.Notifications.Outbox;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// Twilio's status callbacks into the outbox's delivery log. A callback can arrive before the sender has stored the
/// message's SID (Twilio calls back as soon as it hands the message on, while our "sent" write is a moment behind), so
/// a SID not found yet is looked for again for a few seconds before the report is dropped as unknown.
/// </summary>
public sealed partial class OutboxSmsDeliveryReports(INotificationOutbox outbox, DomainClock clock, ILogger<OutboxSmsDeliveryReports> logger) : ISmsDeliveryReports
{
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromMilliseconds(200);
    private const int Looks = 15;

    public async Task RecordAsync(string messageSid, string status, string? errorCode, CancellationToken cancellationToken)
    {
        if (StatusOf(status) is not { } reported) return; // queued, accepted, sending, sent: nothing the log does not say already
        var detail = errorCode is null ? null : $"Twilio error {errorCode}";
        for (var look = 0; look < Looks; look++)
        {
            if (await outbox.RecordProviderReportAsync(nameof(NotificationChannel.Sms), messageSid, reported, detail, clock.GetUtcNow(), cancellationToken)) return;
            await Task.Delay(LookAgainAfter, cancellationToken);
        }

        LogUnknown(messageSid, status);
    }

    /// <summary>
    /// Twilio's MessageStatus as an outbox status: undelivered means the carrier gave up after Twilio took it. "sent" adds
    /// nothing (the sender stored "sent" when Twilio took the message), so it costs no database work.
    /// </summary>
    private static OutboxStatus? StatusOf(string status) => status switch
    {
        "delivered" => OutboxStatus.Delivered,
        "undelivered" => OutboxStatus.Bounced,
        "failed" => OutboxStatus.Failed,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A status callback named SMS {MessageSid} ({Status}), which no message has")]
    private partial void LogUnknown(string messageSid, string status);
}
