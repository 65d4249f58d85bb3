using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Web.Documents;

/// <summary>A line with its amounts in minor units: <see cref="Amount"/> is after the line's discount, before tax.</summary>
public sealed record LineItemDto(string Description, decimal Quantity, long UnitAmount, int TaxRate, int Discount, long Amount);

/// <summary>One tax rate's line at the foot: the base taxed at <see cref="Rate"/> (basis points) and the tax.</summary>
public sealed record TaxLineDto(int Rate, long Base, long Tax);

/// <param name="Number">As people name it on invoices: "EST-1A2B3C4D".</param>
/// <param name="Status">Pending, Approved, Declined, or Expired for a pending estimate past its validity.</param>
/// <param name="Deposit">What is asked for on approval, and once approved its invoice; null when no deposit is asked for.</param>
public sealed record EstimateDto(
    string Id, string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItemDto> Lines, string Currency,
    long Subtotal, long Discount, IReadOnlyList<TaxLineDto> Taxes, long Total, DateTimeOffset ValidUntil, DateTimeOffset CreatedAt, string Status,
    EstimateDecisionDto? Decision, string Number, EstimateDepositDto? Deposit, EstimateProgressDto Progress);

/// <param name="Amount">The deposit in minor units (a percentage already worked out on the total).</param>
/// <param name="Rate">The percentage in basis points, when it was asked for as one.</param>
/// <param name="Status">AwaitingApproval, Due (its invoice is open) or Paid.</param>
/// <param name="Paid">Paid on the deposit invoice and not refunded.</param>
public sealed record EstimateDepositDto(long Amount, int? Rate, string Status, string? InvoiceId, string? InvoiceNumber, long Paid);

/// <param name="Billed">What progress invoices billed of the total (before the deposit credited on them).</param>
/// <param name="Remaining">Still to bill: the total less <paramref name="Billed"/>.</param>
/// <param name="DepositCredited">The paid deposit taken off progress invoices so far.</param>
public sealed record EstimateProgressDto(long Billed, long Remaining, long DepositCredited, IReadOnlyList<string> InvoiceIds);

/// <param name="ClientIp">Only in the dispatchers' view.</param>
public sealed record EstimateDecisionDto(string Outcome, string SignedName, DateTimeOffset At, string? ClientIp);

/// <param name="Number">As people read it: "INV-00042".</param>
/// <param name="Paid">Paid and not refunded, in minor units.</param>
/// <param name="Due">Still owed; negative for a credit balance.</param>
/// <param name="Status">Open, PartiallyPaid, Paid, Refunded, Credited or WrittenOff.</param>
/// <param name="Overdue">Something is still due after the due date.</param>
public sealed record InvoiceDto(
    string Id, string Number, string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItemDto> Lines, string Currency,
    long Subtotal, long Discount, IReadOnlyList<TaxLineDto> Taxes, long Total, long Paid, long Due, DateOnly DueDate, DateTimeOffset IssuedAt,
    string Status, bool Overdue);

/// <summary>Everything in the portal's Documents section: newest first in each list.</summary>
/// <param name="CanPay">This contact may pay invoices online here (an owner or accounts payable, and the company takes payments).</param>
/// <param name="PaysBills">This contact is an owner or accounts payable: they may approve an estimate that asks for a deposit.</param>
public sealed record PortalDocumentsDto(IReadOnlyList<ReportSummaryDto> Reports, IReadOnlyList<EstimateDto> Estimates, IReadOnlyList<InvoiceDto> Invoices, bool CanPay, bool PaysBills);

public static class DocumentDtoMapping
{
    public static EstimateDto AsDto(this Estimate e, DateTimeOffset now, bool internalView)
    {
        var (d, t) = (e.Details, e.Totals);
        var status = e.IsExpired(now) ? "Expired" : e.Status.ToString();
        var decision = e.Decision is { } x
            ? new EstimateDecisionDto(x.Approved ? "Approved" : "Declined", x.SignedName, x.At, internalView ? x.ClientIp : null)
            : null;
        var b = e.Billing ?? EstimateBilling.Nothing;
        var deposit = b.DepositStatus == DepositStatus.None
            ? null
            : new EstimateDepositDto(b.DepositAmount, d.Deposit?.Rate, b.DepositStatus.ToString(), b.DepositInvoiceId,
                b.DepositInvoiceNumber is { } n ? InvoiceNumbers.Display(n) : null, b.DepositPaid);
        return new EstimateDto(e.EstimateId, d.CustomerId, d.PropertyId, d.TicketId, d.Title, Lines(d.Lines), d.Currency,
            t.Subtotal, t.Discount, Taxes(t), t.Total, d.ValidUntil, e.CreatedAt, status, decision, e.DisplayNumber, deposit,
            new EstimateProgressDto(b.Billed, t.Total - b.Billed, b.DepositCredited, b.ProgressInvoiceIds));
    }

    public static InvoiceDto AsDto(this Invoice i, DateTimeOffset now)
    {
        var (d, t) = (i.Details, i.Totals);
        return new InvoiceDto(i.InvoiceId, i.DisplayNumber, d.CustomerId, d.PropertyId, d.TicketId, d.Title, Lines(d.Lines), d.Currency,
            t.Subtotal, t.Discount, Taxes(t), t.Total, i.Balance.NetPaid, i.Balance.Due, d.DueDate, i.IssuedAt, i.Status.ToString(), i.IsOverdue(now));
    }

    private static LineItemDto[] Lines(IEnumerable<LineItem> lines) =>
        [.. lines.Select(l => new LineItemDto(l.Description, l.Quantity, l.UnitAmount, l.TaxRate, l.Discount, l.Net))];

    private static TaxLineDto[] Taxes(DocumentTotals totals) => [.. totals.Taxes.Select(x => new TaxLineDto(x.Rate, x.Base, x.Tax))];
}
