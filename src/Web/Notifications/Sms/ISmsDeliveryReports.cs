namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// Where Twilio's status callbacks go once their signature checked out: the outbox's delivery log. Twilio may repeat a
/// callback or deliver two out of order, so an implementation takes each as "this status was seen", not as a step.
/// </summary>
public interface ISmsDeliveryReports
{
    /// <param name="messageSid">The message's SID, as <see cref="ISmsSender.SendAsync"/> returned it.</param>
    /// <param name="status">Twilio's MessageStatus, lower-case (queued, sent, delivered, undelivered, failed, ...).</param>
    /// <param name="errorCode">Twilio's ErrorCode for undelivered and failed messages (30003, 30005, ...), else null.</param>
    Task RecordAsync(string messageSid, string status, string? errorCode, CancellationToken cancellationToken);
}
