using Orleans;

namespace OrleansPortal.Grains.Payments.Refunds;

/// <summary>
/// The refunds the office asked Stripe for on one invoice, keyed "{tenantId}:{invoiceId}". Between the ask and
/// Stripe's webhook the money is neither refunded in the ledger nor free to refund again: this grain holds it reserved,
/// so two clicks (or two dispatchers) never refund more than a payment brought to this invoice. The ledger stays the
/// record of money; this is the record of what is on its way.
/// </summary>
[Alias("op.IOfficeRefundsGrain")]
public interface IOfficeRefundsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves the amount of the payment for the request, or returns the request's reservation when it was made before
    /// with the same payment and amount (a retried click). Throws <see cref="ConflictException"/> for more than that
    /// payment brought to this invoice and is neither refunded nor reserved, for a payment that did not pay this
    /// invoice, or for a request id reused with other values; <see cref="NotFoundException"/> for no such invoice.
    /// </summary>
    Task<OfficeRefund> ReserveAsync(RefundRequest request);

    /// <summary>Notes the refund Stripe created for the request, and its status there.</summary>
    Task<OfficeRefund> SentAsync(Guid requestId, string refundId, string status);

    /// <summary>Stripe refused or failed the refund: its reservation no longer holds any money.</summary>
    Task ReleaseAsync(Guid requestId, string status);

    /// <summary>The invoice's office refunds, oldest first.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IReadOnlyList<OfficeRefund>> GetAsync();
}
