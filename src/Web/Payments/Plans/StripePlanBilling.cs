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

    /// <summary>
    /// The subscription's metadata key that says its collection was paused on request ("request"); dunning's pause after
    /// the last failed retry clears it, so the two are never mistaken for each other.
    /// </summary>
    public const string PauseKey = "op_pause";

    public const string PausedByRequest = "request";

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

    /// <summary>
    /// Pauses collection on request: the periods that fall while paused are voided by Stripe (no invoice to pay, so no
    /// visits), until <paramref name="resumesAt"/> or until resumed. The key names the pause state it changes, so a
    /// repeated request replays the first while a later pause is a new one.
    /// </summary>
    public Task PauseAsync(string tenantId, PlanSubscriptionSnapshot subscription, DateTimeOffset? resumesAt, CancellationToken cancellationToken)
    {
        var options = CollectionUpdate(paused: true, byRequest: true, resumesAt);
        var until = resumesAt?.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "open";
        return UpdateAsync(subscription, options, $"op-plan-pause:{tenantId}:{subscription.SubscriptionId}:{subscription.PauseChanges}:{until}", cancellationToken);
    }

    /// <summary>Collects again, whoever paused it (the customer, the office, or dunning after the last failed retry).</summary>
    public Task ResumeAsync(string tenantId, PlanSubscriptionSnapshot subscription, CancellationToken cancellationToken)
    {
        return UpdateAsync(subscription, CollectionUpdate(paused: false), $"op-plan-resume:{tenantId}:{subscription.SubscriptionId}:{subscription.PauseChanges}", cancellationToken);
    }

    /// <summary>
    /// The update that pauses a subscription's collection (its periods voided) or collects again, here and for dunning:
    /// the marker says whether someone asked for the pause, and any other change of the pause clears it.
    /// </summary>
    internal static SubscriptionUpdateOptions CollectionUpdate(bool paused, bool byRequest = false, DateTimeOffset? resumesAt = null)
    {
        var options = new SubscriptionUpdateOptions { Metadata = new Dictionary<string, string> { [PauseKey] = paused && byRequest ? PausedByRequest : "" } };
        if (paused) options.PauseCollection = new SubscriptionPauseCollectionOptions { Behavior = Dunning.StripePaymentRetrier.PauseBehavior, ResumesAt = resumesAt?.UtcDateTime };
        else options.AddExtraParam("pause_collection", ""); // Stripe's way to clear it: the parameter, empty
        return options;
    }

    private Task UpdateAsync(PlanSubscriptionSnapshot subscription, SubscriptionUpdateOptions options, string idempotencyKey, CancellationToken cancellationToken) =>
        stripe.V1.Subscriptions.UpdateAsync(subscription.ProviderSubscriptionId ?? throw new InvalidOperationException("The plan is not billed by Stripe yet."),
            options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <summary>Sets (or clears) ending the subscription when its paid period ends.</summary>
    public Task CancelAtPeriodEndAsync(string providerSubscriptionId, bool cancel, CancellationToken cancellationToken) =>
        stripe.V1.Subscriptions.UpdateAsync(providerSubscriptionId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = cancel }, cancellationToken: cancellationToken);
}
