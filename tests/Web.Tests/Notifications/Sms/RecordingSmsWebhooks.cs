using System.Collections.Concurrent;
using OrleansPortal.Web.Notifications.Sms;

namespace OrleansPortal.Web.Tests.Notifications.Sms;

/// <summary>
/// Stands where the outbox and inbound chat will take what the webhooks hand over (the app only logs it today), so the
/// tests can see exactly what a verified webhook delivered, and that a refused one delivered nothing.
/// </summary>
public sealed class RecordingSmsWebhooks : ISmsDeliveryReports, IInboundSmsHandler
{
    public ConcurrentQueue<(string Sid, string Status, string? ErrorCode)> Reports { get; } = new();

    public ConcurrentQueue<InboundSms> Inbound { get; } = new();

    public Task RecordAsync(string messageSid, string status, string? errorCode, CancellationToken cancellationToken)
    {
        Reports.Enqueue((messageSid, status, errorCode));
        return Task.CompletedTask;
    }

    public Task HandleAsync(InboundSms message, CancellationToken cancellationToken)
    {
        Inbound.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<(string Status, string? ErrorCode)> ReportsFor(string sid) => [.. Reports.Where(r => r.Sid == sid).Select(r => (r.Status, r.ErrorCode))];
}
