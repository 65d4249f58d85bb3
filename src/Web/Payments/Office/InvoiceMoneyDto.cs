using OrleansPortal.Web.Documents;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>
/// An invoice's money as the office sees it: the invoice (paid, due, status), its ledger rows in the order recorded, the
/// payment attempts that named it, and the refunds the office asked Stripe for (those not confirmed yet are on their way).
/// </summary>
/// <param name="CanRefund">The company takes payments through Stripe, so money paid there can be refunded from here.</param>
public sealed record InvoiceMoneyDto(
    InvoiceDto Invoice, IReadOnlyList<LedgerRowDto> Ledger, IReadOnlyList<InvoicePaymentDto> Payments, IReadOnlyList<OfficeRefundDto> Refunds, bool CanRefund);
