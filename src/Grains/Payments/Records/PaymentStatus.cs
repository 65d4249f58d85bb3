using Orleans;

namespace OrleansPortal.Grains.Payments.Records;

/// <summary>Where a payment attempt stands, as the payment provider last reported it.</summary>
[GenerateSerializer, Alias("op.PaymentStatus")]
public enum PaymentStatus
{
    /// <summary>Taken, not settled yet (a SEPA or ACH debit takes days).</summary>
    Processing,
    Succeeded,
    Failed,
    Canceled,
}
