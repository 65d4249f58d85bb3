namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>Stripe.net gives times as DateTime of unspecified kind; they are UTC.</summary>
public static class StripeTime
{
    public static DateTimeOffset Utc(DateTime stripeTime) => new(DateTime.SpecifyKind(stripeTime, DateTimeKind.Utc));
}
