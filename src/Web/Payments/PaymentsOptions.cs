namespace OrleansPortal.Web.Payments;

/// <summary>Online payments through Stripe ("Payments:Stripe" section). Without a secret key the portal takes no payments.</summary>
public sealed class PaymentsOptions
{
    public const string SectionName = "Payments:Stripe";

    /// <summary>The account's secret key (sk_live_... or sk_test_...): server-side only, never sent to a browser.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The webhook endpoint's signing secret (whsec_...), which <c>Stripe-Signature</c> headers are checked with.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Where Stripe's API is; only tests and benchmarks set it (to the fake Stripe).</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a signed webhook may be: older ones are refused as replays (Stripe's libraries default to 5 minutes).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>What customers may pay with at checkout (Stripe's names): cards and, for euros, SEPA Direct Debit.</summary>
    public List<string> PaymentMethods { get; set; } = ["card", "sepa_debit"];

    public bool Enabled => !string.IsNullOrWhiteSpace(SecretKey);
}
