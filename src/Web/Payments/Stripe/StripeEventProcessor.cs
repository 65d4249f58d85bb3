using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.Documents;
using OrleansPortal.Grains.Payments.Events;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Web.Hosting;
using Stripe;
using PaymentRecord = OrleansPortal.Grains.Payments.Records.PaymentRecord;
using PaymentStatus = OrleansPortal.Grains.Payments.Records.PaymentStatus;

namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>
/// Turns Stripe's webhook events into money: each event once (by its id), and each by the state of its object as
/// Stripe has it now, fetched, rather than as the event describes it, so events that arrive twice, late or out of order
/// all lead to the same result. A succeeded PaymentIntent pays the invoices its metadata names (the ledger records a
/// PaymentIntent once per invoice) and queues the receipts; a succeeded Refund is recorded with its credit note.
/// Money never moves on the browser's return from checkout: only here.
/// </summary>
public sealed partial class StripeEventProcessor(
    StripeClient stripe, IPaymentEventLog processed, IPaymentRecords records, IClusterClient grains, InvoiceNotices notices, Plans.StripePlanEvents plans,
    Autopay.StripeAutopay autopay, DomainClock clock, ILogger<StripeEventProcessor> logger)
{
    public const string Provider = "stripe";

    /// <summary>Whether the event with this id was processed (a repeated delivery).</summary>
    public Task<bool> WasProcessedAsync(string eventId, CancellationToken cancellationToken) => processed.WasProcessedAsync(Provider, eventId, cancellationToken);

    /// <summary>
    /// Whether an event of this type can move money or change a plan. Others (a customer created, a checkout session
    /// of a one-off payment, whose PaymentIntent's own events say what happened) are acknowledged unread: nothing in
    /// them is acted on, so neither reading nor remembering them has a point.
    /// </summary>
    public static bool ActsOn(string type) => type is EventTypes.PaymentIntentSucceeded or EventTypes.PaymentIntentProcessing or EventTypes.PaymentIntentPaymentFailed
        or EventTypes.PaymentIntentCanceled or EventTypes.RefundCreated or EventTypes.RefundUpdated or EventTypes.RefundFailed || Plans.StripePlanEvents.Handles(type);

    /// <summary>
    /// Processes an event the caller found not processed yet (<see cref="WasProcessedAsync"/>), then marks it; false
    /// when another delivery of it marked it meanwhile. Two deliveries processed at once both reconcile with Stripe's
    /// state of the object, so the second changes nothing. Throws when it could not be processed (Stripe sends it again).
    /// </summary>
    public async Task<bool> ProcessAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        switch (stripeEvent.Type)
        {
            case EventTypes.PaymentIntentSucceeded or EventTypes.PaymentIntentProcessing or EventTypes.PaymentIntentPaymentFailed or EventTypes.PaymentIntentCanceled:
                await ReconcilePaymentAsync(((PaymentIntent)stripeEvent.Data.Object).Id, cancellationToken);
                break;
            case EventTypes.RefundCreated or EventTypes.RefundUpdated or EventTypes.RefundFailed:
                await ReconcileRefundAsync(((Refund)stripeEvent.Data.Object).Id, cancellationToken);
                break;
            case var type when Plans.StripePlanEvents.Handles(type):
                await plans.ProcessAsync(stripeEvent, cancellationToken);
                break;
            default:
                LogIgnored(stripeEvent.Type);
                break;
        }

        return await processed.MarkProcessedAsync(Provider, stripeEvent.Id, stripeEvent.Type, clock.GetUtcNow(), cancellationToken);
    }

    private async Task ReconcilePaymentAsync(string paymentIntentId, CancellationToken cancellationToken)
    {
        // The method expanded: a checkout offering card and SEPA says only on it which one the customer used.
        var intent = await stripe.V1.PaymentIntents.GetAsync(paymentIntentId, new PaymentIntentGetOptions { Expand = ["payment_method"] }, cancellationToken: cancellationToken);
        if (PaymentAllocations.From(intent.Metadata) is not { } paying || !Valid(paying))
        {
            LogNotOurs(intent.Id);
            return;
        }

        await RecordPaymentAsync(intent, paying, cancellationToken);
    }

    private async Task RecordPaymentAsync(PaymentIntent intent, PaymentAllocations paying, CancellationToken cancellationToken)
    {
        if (StatusOf(intent) is not { } status) return; // still waiting for the customer: nothing to record
        var now = clock.GetUtcNow();
        await records.RecordAsync(new PaymentRecord(paying.TenantId, intent.Id, paying.CustomerId, [.. paying.Invoices.Select(i => i.InvoiceId)],
            intent.Amount, intent.Currency, MethodOf(intent), status, intent.LastPaymentError?.Message, StripeTime.Utc(intent.Created), now), cancellationToken);
        if (status == PaymentStatus.Failed) await autopay.TellFailedAsync(intent, paying); // autopay's own charges only
        if (status != PaymentStatus.Succeeded) return;

        foreach (var (invoiceId, amount) in paying.Spread(intent.AmountReceived))
        {
            var invoice = grains.GetGrain<IInvoiceGrain>(TenantKeys.For(paying.TenantId, invoiceId));
            try
            {
                var paid = await invoice.RecordPaymentAsync(new MoneyMovement(amount, intent.Currency.ToUpperInvariant(), intent.Id, Provider, now));
                await notices.QueueReceiptAsync(paying.TenantId, paid, intent.Id, amount);
            }
            catch (Exception ex) when (ex is NotFoundException or ConflictException)
            {
                // Money Stripe holds for an invoice that does not take it (gone, another currency): the office must look.
                LogUnapplied(ex, intent.Id, invoiceId);
            }
        }
    }

    private async Task ReconcileRefundAsync(string refundId, CancellationToken cancellationToken)
    {
        var refund = await stripe.V1.Refunds.GetAsync(refundId, cancellationToken: cancellationToken);
        if (refund.Status != "succeeded") return; // pending (a debit's refund takes days) or failed: no money moved yet
        var intent = await stripe.V1.PaymentIntents.GetAsync(refund.PaymentIntentId, cancellationToken: cancellationToken);
        if (PaymentAllocations.From(intent.Metadata) is not { } paid || !Valid(paid))
        {
            LogNotOurs(refund.Id);
            return;
        }

        // Stripe does not keep its events in order: the refund's may come before its payment's. The payment is recorded
        // first (once per source, so this is a no-op when it was), so the refund finds the money it gives back.
        if (intent.Status == "succeeded") await RecordPaymentAsync(intent, paid, cancellationToken);

        // A refund the office asked for names its invoice; one made in Stripe's dashboard is spread over what was paid.
        var invoices = refund.Metadata.TryGetValue(RefundMetadata.InvoiceKey, out var named) && paid.Invoices.Any(i => i.InvoiceId == named)
            ? [(named, refund.Amount)]
            : paid.Spread(refund.Amount);
        foreach (var (invoiceId, amount) in invoices)
        {
            var invoice = grains.GetGrain<IInvoiceGrain>(TenantKeys.For(paid.TenantId, invoiceId));
            var actor = refund.Metadata.GetValueOrDefault(RefundMetadata.ActorKey) ?? Provider;
            try
            {
                await invoice.RefundAsync(new MoneyMovement(amount, refund.Currency.ToUpperInvariant(), refund.Id, actor, clock.GetUtcNow(),
                    refund.Metadata.GetValueOrDefault(RefundMetadata.ReasonKey) ?? refund.Reason));
            }
            catch (Exception ex) when (ex is NotFoundException or ConflictException)
            {
                LogUnapplied(ex, refund.Id, invoiceId);
            }
        }
    }

    private static bool Valid(PaymentAllocations paying) =>
        ResourceId.IsValid(paying.CustomerId) && paying.Invoices.All(i => ResourceId.IsValid(i.InvoiceId)) && paying.TenantId.Length is > 0 and <= 100;

    private static PaymentStatus? StatusOf(PaymentIntent intent) => intent.Status switch
    {
        "succeeded" => PaymentStatus.Succeeded,
        "processing" => PaymentStatus.Processing,
        "canceled" => PaymentStatus.Canceled,
        "requires_payment_method" when intent.LastPaymentError is not null => PaymentStatus.Failed,
        _ => null,
    };

    // The method of the attempt when the intent allowed only one; otherwise Stripe's charge would say, which this does not read.
    private static string? MethodOf(PaymentIntent intent) =>
        intent.PaymentMethod?.Type ?? (intent.PaymentMethodTypes is [var only] ? only : intent.LastPaymentError?.PaymentMethod?.Type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stripe event {Type} is not one payments act on")]
    private partial void LogIgnored(string type);

    // Debug: Stripe Billing's own charges for plan renewals carry none of our metadata, and are handled by their invoice events.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Stripe object {Id} does not name a payment of this app; left alone")]
    private partial void LogNotOurs(string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stripe {Id} moved money for invoice {InvoiceId}, which does not take it; the office must reconcile it by hand")]
    private partial void LogUnapplied(Exception exception, string id, string invoiceId);
}
