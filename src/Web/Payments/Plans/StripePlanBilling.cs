using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Payments.Plans;
using OrleansPortal.Web.Payments.Stripe;
using OrleansPortal.Web.Portal;
using Stripe;
using Stripe.Checkout;

namespace OrleansPortal.Web.Payments.Plans;

/// <summary>
/// Maintenance plans billed by Stripe Billing: a subscription-mode Checkout where the customer subscribes (the plan's
/// price every period, on Stripe's page), and changes to the subscription (end at the period's end, or not). What
/// happens then comes back by webhook (<see cref="StripePlanEvents"/>).
/// </summary>
public sealed class StripePlanBilling(StripeClient stripe, IOptions<PortalOptions> portal)
{
    public const string SubscriptionKey = "op_subscription";

    /// <summary>Where the customer subscribes to <paramref name="subscription"/> (awaiting its first payment).</summary>
    public async Task<Uri> CheckoutAsync(string tenantId, PlanSubscriptionSnapshot subscription, string? email, string language, CancellationToken cancellationToken)
    {
        var terms = subscription.Plan.Terms;
        var metadata = new Dictionary<string, string> { [PaymentAllocations.TenantKey] = tenantId, [SubscriptionKey] = subscription.SubscriptionId };
        var site = portal.Value.PublicBaseUrl.TrimEnd('/');
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "subscription",
            CustomerEmail = email,
            ClientReferenceId = subscription.CustomerId,
            Locale = language == "pt" ? "pt" : "en",
            SuccessUrl = $"{site}/portal/#plans/subscribed",
            CancelUrl = $"{site}/portal/#plans",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = terms.Currency.ToLowerInvariant(),
                        UnitAmount = terms.Price,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = terms.Name },
                        Recurring = new SessionLineItemPriceDataRecurringOptions
                        {
                            Interval = terms.Interval == PlanInterval.Year ? "year" : "month",
                            IntervalCount = terms.IntervalCount,
                        },
                    },
                },
            ],
            Metadata = metadata,
            SubscriptionData = new SessionSubscriptionDataOptions { Metadata = metadata },
        }, new RequestOptions { IdempotencyKey = $"plan-checkout-{subscription.SubscriptionId}" }, cancellationToken);
        return new Uri(session.Url);
    }

    /// <summary>Sets (or clears) ending the subscription when its paid period ends.</summary>
    public Task CancelAtPeriodEndAsync(string providerSubscriptionId, bool cancel, CancellationToken cancellationToken) =>
        stripe.V1.Subscriptions.UpdateAsync(providerSubscriptionId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = cancel }, cancellationToken: cancellationToken);
}
