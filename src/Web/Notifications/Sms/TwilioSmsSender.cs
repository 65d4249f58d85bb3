using Microsoft.Extensions.Options;
using OrleansPortal.Web.Portal;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>
/// Sends through Twilio's Messages API with the Twilio SDK, over <see cref="TwilioHttpClient"/>; each message asks for
/// status callbacks at <see cref="SmsWebhooksApi.StatusPath"/> under the public base URL. Thread-safe: the REST client
/// holds only the account's settings.
/// </summary>
public sealed partial class TwilioSmsSender(
    IOptions<SmsOptions> options, IOptions<PortalOptions> portal, TwilioHttpClient http, ILogger<TwilioSmsSender> logger) : ISmsSender
{
    private readonly TwilioRestClient _client = new(options.Value.AccountSid, options.Value.AuthToken, options.Value.AccountSid, null, http, null);
    private readonly Uri _statusCallback = new(SmsWebhooksApi.PublicUrl(options.Value, portal.Value, SmsWebhooksApi.StatusPath));

    public string? SenderId => options.Value.SenderId;

    public async Task<string> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(body);
        var settings = options.Value;
        var message = new CreateMessageOptions(new PhoneNumber(to)) { Body = body, StatusCallback = _statusCallback };
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid)) message.MessagingServiceSid = settings.MessagingServiceSid;
        else message.From = new PhoneNumber(settings.From);

        try
        {
            // The SDK takes no cancellation token: the HTTP client's timeout bounds the call, and cancelling stops the wait.
            var sent = await MessageResource.CreateAsync(message, _client).WaitAsync(cancellationToken);
            return sent.Sid;
        }
        catch (Exception ex) when (ex is TwilioException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var failure = TwilioFailures.From(ex);
            LogRefused(logger, failure.Permanent, failure.ProviderCode, failure.Message);
            throw failure;
        }
    }

    public async Task<string?> FindSentAsync(string to, string body, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Twilio filters by recipient and send date; the text and the creation time pick the message out of that day's.
        var sent = await MessageResource.ReadAsync(new ReadMessageOptions { To = new PhoneNumber(to), DateSentAfter = since.UtcDateTime.Date }, _client)
            .WaitAsync(cancellationToken);
        return sent.FirstOrDefault(m => m.Body == body && m.DateCreated is { } created && created >= since.UtcDateTime.AddMinutes(-1))?.Sid;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS not sent (permanent {Permanent}, Twilio code {ProviderCode}): {Reason}")]
    private static partial void LogRefused(ILogger logger, bool permanent, string? providerCode, string reason);
}
