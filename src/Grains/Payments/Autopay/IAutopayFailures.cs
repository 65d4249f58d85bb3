namespace OrleansPortal.Grains.Payments.Autopay;

/// <summary>
/// THE seam between autopay and dunning: every failed autopay charge is reported here once (a declined or
/// authentication-required card, a debit that bounced, a charge Stripe refused outright). Dunning takes it
/// (<see cref="Dunning.AutopayDunning"/>: retries on the company's schedule, a reminder after each). Autopay itself
/// never retries.
/// </summary>
public interface IAutopayFailures
{
    /// <summary>
    /// Takes one failure, after the payment attempt was recorded as failed. Called once per failure (per PaymentIntent,
    /// or per invoice when no intent was made) and again only when it threw (the caller is retried) or, rarely, when
    /// Stripe delivers the same failure twice at the same moment: take it idempotently by
    /// <see cref="AutopayFailure.PaymentIntentId"/> (or the invoice).
    /// </summary>
    Task FailedAsync(AutopayFailure failure);
}
