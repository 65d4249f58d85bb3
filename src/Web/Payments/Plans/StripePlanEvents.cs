using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Payments.Stripe;
using Stripe;
using Stripe.Checkout;

namespace OrleansPortal.Web.Payments.Plans;

/// <summary>
/// Stripe Billing's events for maintenance plans, each acted on by the state of its object as Stripe has it now: a
/// subscription checkout completed links Stripe's subscription; a paid invoice pays a period (our invoice in the
/// ledger, the period's visits on the board); a failed one makes the plan past due and reminds; a subscription's
/// update or end is followed.
/// </summary>
public sealed class StripePlanEvents(StripeClient stripe, IClusterClient grains)
{
    public static bool Handles(string type) => type is EventTypes.CheckoutSessionCompleted or EventTypes.InvoicePaid or EventTypes.InvoicePaymentFailed
        or EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted;

    public async Task ProcessAsync(Event stripeEvent, CancellationToken cancellationToken)
    {
        switch (stripeEvent.Type)
        {
            // A session's mode never changes, so the event's copy says whether it is a plan's; a payment's is left to its
            // PaymentIntent's events.
            case EventTypes.CheckoutSessionCompleted when ((Session)stripeEvent.Data.Object).Mode == "subscription":
                var session = await stripe.V1.Checkout.Sessions.GetAsync(((Session)stripeEvent.Data.Object).Id, cancellationToken: cancellationToken);
                if (session.SubscriptionId is { } linked && Ours(session.Metadata) is { } grain)
                    await grain.LinkAsync(linked);
                break;
            case EventTypes.InvoicePaid or EventTypes.InvoicePaymentFailed:
                await ReconcileInvoiceAsync(((global::Stripe.Invoice)stripeEvent.Data.Object).Id, cancellationToken);
                break;
            case EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted:
                var subscription = await stripe.V1.Subscriptions.GetAsync(((Subscription)stripeEvent.Data.Object).Id, cancellationToken: cancellationToken);
                if (Ours(subscription.Metadata) is { } followed)
                    await followed.SyncAsync(ended: subscription.Status is "canceled" or "incomplete_expired", PauseOf(subscription),
                        cancelAtPeriodEnd: subscription.CancelAtPeriodEnd);
                break;
        }
    }

    private async Task ReconcileInvoiceAsync(string invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await stripe.V1.Invoices.GetAsync(invoiceId, cancellationToken: cancellationToken);
        if (Ours(invoice.Parent?.SubscriptionDetails?.Metadata) is not { } grain) return;
        // The subscription's invoice may be processed before its checkout session's event: it names the subscription too,
        // so the plan is linked to it here as well (cancelling, pausing and dunning need the link).
        if (invoice.Parent?.SubscriptionDetails?.SubscriptionId is { Length: > 0 } subscriptionId) await grain.LinkAsync(subscriptionId);
        var line = invoice.Lines?.Data?.FirstOrDefault();
        var (start, end) = line?.Period is { } period ? (period.Start, period.End) : (invoice.PeriodStart, invoice.PeriodEnd);
        var bill = new PeriodBill(invoice.Id, invoice.Total, invoice.Currency.ToUpperInvariant(), StripeTime.Utc(start), StripeTime.Utc(end));
        if (invoice.Status == "paid") await grain.PeriodPaidAsync(bill);
        else if (invoice.Status == "open" && invoice.AttemptCount > 0) await grain.PaymentFailedAsync(bill, (int)invoice.AttemptCount);
    }

    private static PlanPause? PauseOf(Subscription subscription) => subscription.PauseCollection is { } pause
        ? new PlanPause(subscription.Metadata?.GetValueOrDefault(StripePlanBilling.PauseKey) == StripePlanBilling.PausedByRequest,
            pause.ResumesAt is { } resumes ? StripeTime.Utc(resumes) : null)
        : null;

    private IPlanSubscriptionGrain? Ours(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue(PaymentAllocations.TenantKey, out var tenant) || !metadata.TryGetValue(StripePlanBilling.SubscriptionKey, out var id)
            || !ResourceId.IsValid(id) || tenant.Length is 0 or > 100)
            return null;
        return grains.GetGrain<IPlanSubscriptionGrain>(TenantKeys.For(tenant, id));
    }

}
