namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Without <c>Sms:AccountSid</c>: every message fails for good, with a reason the delivery log shows.</summary>
public sealed class UnconfiguredSmsSender : ISmsSender
{
    public string? SenderId => null;

    public Task<string> SendAsync(string to, string body, CancellationToken cancellationToken) =>
        throw new DeliveryFailedException("SMS is not configured: set Sms:AccountSid, Sms:AuthToken and Sms:From (or Sms:MessagingServiceSid).", permanent: true);

    public Task<string?> FindSentAsync(string to, string body, DateTimeOffset since, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
