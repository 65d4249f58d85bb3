using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>What failed, which decides how a retry asks for the money again.</summary>
[GenerateSerializer, Alias("op.DunningKind")]
public enum DunningKind
{
    /// <summary>A maintenance plan's renewal (a Stripe Billing invoice): retried by paying that invoice again.</summary>
    PlanRenewal,

    /// <summary>An autopay charge of one of our invoices: retried by an off-session PaymentIntent with the saved method.</summary>
    Autopay,
}
