namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>The default <see cref="ISmsDeliveryReports"/> until the outbox takes them: each report is logged, nothing stored.</summary>
public sealed partial class LoggedSmsDeliveryReports(ILogger<LoggedSmsDeliveryReports> logger) : ISmsDeliveryReports
{
    public Task RecordAsync(string messageSid, string status, string? errorCode, CancellationToken cancellationToken)
    {
        LogReport(logger, messageSid, status, errorCode);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageSid} is {Status} (Twilio error {ErrorCode}).")]
    private static partial void LogReport(ILogger logger, string messageSid, string status, string? errorCode);
}
