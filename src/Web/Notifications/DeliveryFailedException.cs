namespace OrleansPortal.Web.Notifications;

/// <summary>
/// A provider (the SMTP server, Twilio, a push service) did not take a message. <see cref="Permanent"/> says whether
/// sending it again could ever work: a refused recipient or an invalid number is permanent; a dropped connection, a
/// 4xx SMTP reply or an HTTP 429/5xx is not, and the outbox retries it with backoff.
/// </summary>
public sealed class DeliveryFailedException(string message, bool permanent, string? providerCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    /// <summary>
    /// The provider never answered (the request timed out or its connection broke after it went out): unlike a refusal,
    /// the provider may have taken the message, so the outbox asks it before sending the message again.
    /// </summary>
    public bool Unanswered { get; init; }

    /// <summary>The provider's own code (an SMTP status, a Twilio error code), kept in the delivery log.</summary>
    public string? ProviderCode { get; } = providerCode;
}
