namespace OrleansPortal.Grains.Payments.Events;

/// <summary>
/// The provider's webhook events already processed (table <c>payment_events</c>), by event id: an event the provider
/// sends again is acknowledged without being processed twice. An event is marked only after it was processed, so one
/// whose processing failed is processed again when the provider retries it.
/// </summary>
public interface IPaymentEventLog
{
    Task<bool> WasProcessedAsync(string provider, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Marks the event processed; false when it already was (two deliveries of it ran at once).</summary>
    Task<bool> MarkProcessedAsync(string provider, string eventId, string type, DateTimeOffset at, CancellationToken cancellationToken = default);
}
