namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>
/// What the office reads beside an invoice id in a list: its number and its customer's name, for many invoices in one
/// query (the ledger's issued rows joined to the customer directory), so a list never wakes a grain per row.
/// </summary>
public interface IInvoiceLabels
{
    /// <summary>
    /// The labels of those of <paramref name="invoiceIds"/> the company issued; an id it did not issue (or another
    /// company's) is left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, InvoiceLabel>> ForAsync(string tenantId, IReadOnlyCollection<string> invoiceIds, CancellationToken cancellationToken = default);
}
