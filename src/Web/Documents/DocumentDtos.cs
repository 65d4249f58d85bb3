using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Web.Documents;

public sealed record LineItemDto(string Description, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <param name="Status">Pending, Approved, Declined, or Expired for a pending estimate past its validity.</param>
public sealed record EstimateDto(
    string Id, string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItemDto> Lines, string Currency,
    decimal Total, DateTimeOffset ValidUntil, DateTimeOffset CreatedAt, string Status, EstimateDecisionDto? Decision);

/// <param name="ClientIp">Only in the dispatchers' view.</param>
public sealed record EstimateDecisionDto(string Outcome, string SignedName, DateTimeOffset At, string? ClientIp);

public sealed record InvoiceDto(
    string Id, string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItemDto> Lines, string Currency,
    decimal Total, DateOnly DueDate, DateTimeOffset IssuedAt, string Status);

/// <summary>Everything in the portal's Documents section: newest first in each list.</summary>
public sealed record PortalDocumentsDto(IReadOnlyList<ReportSummaryDto> Reports, IReadOnlyList<EstimateDto> Estimates, IReadOnlyList<InvoiceDto> Invoices);

public static class DocumentDtoMapping
{
    public static EstimateDto AsDto(this Estimate e, DateTimeOffset now, bool internalView)
    {
        var d = e.Details;
        var status = e.IsExpired(now) ? "Expired" : e.Status.ToString();
        var decision = e.Decision is { } x
            ? new EstimateDecisionDto(x.Approved ? "Approved" : "Declined", x.SignedName, x.At, internalView ? x.ClientIp : null)
            : null;
        return new EstimateDto(e.EstimateId, d.CustomerId, d.PropertyId, d.TicketId, d.Title, Lines(d.Lines), d.Currency, e.Total, d.ValidUntil, e.CreatedAt, status, decision);
    }

    public static InvoiceDto AsDto(this Invoice i)
    {
        var d = i.Details;
        return new InvoiceDto(i.InvoiceId, d.CustomerId, d.PropertyId, d.TicketId, d.Title, Lines(d.Lines), d.Currency, i.Total, d.DueDate, i.IssuedAt, i.Status.ToString());
    }

    private static LineItemDto[] Lines(IEnumerable<LineItem> lines) => [.. lines.Select(l => new LineItemDto(l.Description, l.Quantity, l.UnitPrice, l.Amount))];
}
