namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// Without <c>Sms:AccountSid</c>. In Development (plain <c>dotnet run</c>) each text is written to the log, tracking
/// links included, so the demo's texts can be followed without a Twilio account, as its mails are. Anywhere else every
/// message fails for good, with a reason the delivery log shows: a timeline must not call a text sent that went nowhere.
/// </summary>
public sealed partial class UnconfiguredSmsSender(IHostEnvironment environment, ILogger<UnconfiguredSmsSender> logger) : ISmsSender
{
    public string? SenderId => null;

    public Task<string> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            throw new DeliveryFailedException("SMS is not configured: set Sms:AccountSid, Sms:AuthToken and Sms:From (or Sms:MessagingServiceSid).", permanent: true);
        LogDevelopmentText(to, body);
        return Task.FromResult($"logged-{Guid.NewGuid():N}");
    }

    public Task<string?> FindSentAsync(string to, string body, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Sms:AccountSid configured (Development): text to {To}:\n{Body}")]
    private partial void LogDevelopmentText(string to, string body);
}
