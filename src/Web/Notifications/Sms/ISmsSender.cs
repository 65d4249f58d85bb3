namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Sends one text message. Thread-safe.</summary>
public interface ISmsSender
{
    /// <summary>
    /// The sender opt-outs of this channel are recorded against (<see cref="SmsOptions.SenderId"/>): ask the opt-out store
    /// about it before sending.
    /// </summary>
    string? SenderId { get; }

    /// <summary>
    /// Hands the message to the provider and returns its id (Twilio's message SID), which status callbacks name later.
    /// Throws <see cref="DeliveryFailedException"/> when the provider did not take it.
    /// </summary>
    /// <param name="to">The recipient in E.164 (see <see cref="PhoneNumberText"/>).</param>
    Task<string> SendAsync(string to, string body, CancellationToken cancellationToken);

    /// <summary>
    /// The id of a message with this recipient and text that the provider took since <paramref name="since"/>, or null:
    /// how a message left in doubt by a crash is found already sent rather than sent twice.
    /// </summary>
    Task<string?> FindSentAsync(string to, string body, DateTimeOffset since, CancellationToken cancellationToken);
}
