using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Payments.Events;

/// <summary><see cref="IPaymentEventLog"/> on table <c>payment_events</c> (PostgreSQL or SQLite).</summary>
public sealed class PaymentEventLog(PortalDatabase database) : IPaymentEventLog
{
    public async Task<bool> WasProcessedAsync(string provider, string eventId, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync("SELECT 1 FROM payment_events WHERE provider = @provider AND event_id = @event",
            a => a.Add("@provider", provider).Add("@event", eventId), _ => true, cancellationToken)).Count > 0;

    public async Task<bool> MarkProcessedAsync(string provider, string eventId, string type, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync(
            "INSERT INTO payment_events (provider, event_id, type, processed_at) VALUES (@provider, @event, @type, @at) ON CONFLICT (provider, event_id) DO NOTHING",
            a => a.Add("@provider", provider).Add("@event", eventId).Add("@type", type).AddTime("@at", at), cancellationToken) > 0;
}
