namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>The default <see cref="IInboundSmsHandler"/> until inbound chat takes them: logs that a text came, without who or what.</summary>
public sealed partial class LoggedInboundSmsHandler(ILogger<LoggedInboundSmsHandler> logger) : IInboundSmsHandler
{
    public Task HandleAsync(InboundSms message, CancellationToken cancellationToken)
    {
        LogReceived(logger, message.MessageSid, message.Body.Length);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {MessageSid} received ({Length} characters); nothing takes inbound texts yet.")]
    private static partial void LogReceived(ILogger logger, string messageSid, int length);
}
