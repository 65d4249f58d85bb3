using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// A bill to a customer, keyed "{tenantId}:{invoiceId}": issued once with its lines and due date, Open until paid. Payment
/// is not there yet, so nothing moves it to Paid today; the status exists so clients read it from the start.
/// </summary>
[Alias("op.IInvoiceGrain")]
public interface IInvoiceGrain : IGrainWithStringKey
{
    /// <summary>Issues the invoice as Open, totalled from its lines; throws <see cref="ConflictException"/> if it exists.</summary>
    Task<Invoice> IssueAsync(NewInvoice invoice);

    /// <summary>Throws <see cref="NotFoundException"/> for an invoice never issued.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<Invoice> GetAsync();
}

[GenerateSerializer, Alias("op.InvoiceStatus")]
public enum InvoiceStatus
{
    Open,
    Paid,
}

[GenerateSerializer, Immutable, Alias("op.NewInvoice")]
public sealed record NewInvoice(
    string CustomerId, string? PropertyId, string? TicketId, string Title, IReadOnlyList<LineItem> Lines, string Currency, DateOnly DueDate, string IssuedBy);

[GenerateSerializer, Immutable, Alias("op.Invoice")]
public sealed record Invoice(string InvoiceId, NewInvoice Details, decimal Total, DateTimeOffset IssuedAt, InvoiceStatus Status);
