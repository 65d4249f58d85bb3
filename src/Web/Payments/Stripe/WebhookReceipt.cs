namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>What the webhook answers Stripe (which reads only the status).</summary>
public sealed record WebhookReceipt(string EventId, bool AlreadyProcessed);
