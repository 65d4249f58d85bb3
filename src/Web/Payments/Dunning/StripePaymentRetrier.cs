using System.Net;
using OrleansPortal.Grains.Payments.Dunning;
using OrleansPortal.Web.Payments.Plans;
using OrleansPortal.Web.Payments.Stripe;
using Stripe;

namespace OrleansPortal.Web.Payments.Dunning;

/// <summary>
/// Dunning's retries at Stripe. A renewal pays Stripe's invoice again (<c>POST /v1/invoices/{id}/pay</c>); an autopay
/// charge creates an off-session PaymentIntent with the saved method, its metadata written as a checkout's
/// (<see cref="PaymentAllocations"/>), so the webhook records it like any payment. Each call's Idempotency-Key names the
/// case and attempt: a retry cut short and made again gets Stripe's first answer, never a second charge.
/// </summary>
public sealed partial class StripePaymentRetrier(StripeClient stripe, ILogger<StripePaymentRetrier> logger) : IPaymentRetrier
{
    /// <summary>How a paused plan's new periods are treated: voided, so nothing piles up while the customer does not pay.</summary>
    public const string PauseBehavior = "void";

    public async Task<RetryOutcome> RetryAsync(string tenantId, DunningCase dunningCase, int attempt, CancellationToken cancellationToken = default)
    {
        var key = new RequestOptions { IdempotencyKey = $"op-dunning:{tenantId}:{dunningCase.InvoiceId}:{attempt}" };
        try
        {
            return dunningCase.Kind switch
            {
                DunningKind.PlanRenewal => await PayInvoiceAsync(dunningCase, key, cancellationToken),
                _ => await ChargeOffSessionAsync(tenantId, dunningCase, key, cancellationToken),
            };
        }
        catch (StripeException declined) when (declined.HttpStatusCode == HttpStatusCode.PaymentRequired)
        {
            return new RetryOutcome(RetryOutcomeKind.Declined, declined.StripeError?.DeclineCode ?? declined.StripeError?.Code);
        }
        catch (StripeException refused) when (refused.HttpStatusCode == HttpStatusCode.BadRequest && dunningCase.Kind == DunningKind.PlanRenewal)
        {
            // Stripe refuses to pay an invoice paid (or voided) since: what it is now decides.
            var invoice = await stripe.V1.Invoices.GetAsync(dunningCase.ProviderInvoiceId, cancellationToken: cancellationToken);
            return invoice.Status == "paid" ? new RetryOutcome(RetryOutcomeKind.Paid) : new RetryOutcome(RetryOutcomeKind.Declined, refused.StripeError?.Code);
        }
        catch (Exception unreachable) when (unreachable is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(unreachable, dunningCase.Kind, attempt);
            return new RetryOutcome(RetryOutcomeKind.Unavailable);
        }
    }

    public async Task PauseCollectionAsync(string tenantId, DunningCase dunningCase, bool paused, CancellationToken cancellationToken = default)
    {
        if (dunningCase.Kind != DunningKind.PlanRenewal || dunningCase.ProviderSubscriptionId is not { } subscription) return;
        // Dunning's pause is not one asked for: the marker of a request (left by one Stripe ended on its resume date) goes.
        await stripe.V1.Subscriptions.UpdateAsync(subscription, StripePlanBilling.CollectionUpdate(paused), cancellationToken: cancellationToken);
    }

    private async Task<RetryOutcome> PayInvoiceAsync(DunningCase dunningCase, RequestOptions key, CancellationToken cancellationToken)
    {
        var invoice = await stripe.V1.Invoices.PayAsync(dunningCase.ProviderInvoiceId, new InvoicePayOptions { OffSession = true }, key, cancellationToken);
        return invoice.Status == "paid" ? new RetryOutcome(RetryOutcomeKind.Paid) : new RetryOutcome(RetryOutcomeKind.Declined);
    }

    private async Task<RetryOutcome> ChargeOffSessionAsync(string tenantId, DunningCase dunningCase, RequestOptions key, CancellationToken cancellationToken)
    {
        var allocations = new PaymentAllocations(tenantId, dunningCase.CustomerId, [(dunningCase.InvoiceId, dunningCase.Amount)]);
        var intent = await stripe.V1.PaymentIntents.CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = dunningCase.Amount,
            Currency = dunningCase.Currency.ToLowerInvariant(),
            Customer = dunningCase.ProviderCustomerId,
            PaymentMethod = dunningCase.PaymentMethodId,
            OffSession = true,
            Confirm = true,
            Metadata = allocations.ToMetadata(),
        }, key, cancellationToken);
        return intent.Status is "succeeded" or "processing" ? new RetryOutcome(RetryOutcomeKind.Paid) : new RetryOutcome(RetryOutcomeKind.Declined, intent.Status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe did not take dunning retry {Attempt} of a {Kind} case; it is tried again at the next check")]
    private partial void LogUnavailable(Exception exception, DunningKind kind, int attempt);
}
