namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>What a refund the office asks for carries in its Stripe metadata, read back when Stripe confirms it.</summary>
public static class RefundMetadata
{
    public const string InvoiceKey = "op_invoice";

    /// <summary>Who asked (a dispatcher's email), for the ledger's row.</summary>
    public const string ActorKey = "op_actor";

    /// <summary>Why, in the dispatcher's words, for the ledger's note (Stripe's own reason is one of three codes).</summary>
    public const string ReasonKey = "op_reason";
}
