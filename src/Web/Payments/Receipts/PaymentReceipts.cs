using Microsoft.Extensions.Options;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Notifications.Templates;
using OrleansPortal.Grains.Payments.Ledger;
using OrleansPortal.Grains.Payments.Records;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Documents.Reports;

namespace OrleansPortal.Web.Payments.Receipts;

/// <summary>
/// A succeeded payment's receipt as a PDF, read when it is asked for: the amounts applied to each invoice come from the
/// ledger rows that payment wrote (so the receipt and the invoices always agree), the rest from the payment's record.
/// Who may have it is decided by the caller.
/// </summary>
public sealed class PaymentReceipts(IClusterClient grains, IPaymentRecords records, IMoneyLedger ledger, IOptions<DocumentsOptions> options)
{
    private readonly ReportFontResolver _fonts = ReportFontResolver.Install(options.Value.FontDirectory);

    /// <summary>False when the machine has no font for PDFs (see <see cref="JobReportPdfs.Available"/>).</summary>
    public bool Available => _fonts.Available;

    /// <summary>
    /// The receipt of <paramref name="customerId"/>'s payment <paramref name="paymentId"/> in <paramref name="language"/>;
    /// null when the customer has no such payment, <see cref="ConflictException"/> when it has not succeeded (yet).
    /// </summary>
    public async Task<ReportPdf?> RenderAsync(string tenantId, string customerId, string paymentId, string language, CancellationToken cancellationToken)
    {
        if (!Available) throw new InvalidOperationException("No font for PDFs was found on this machine.");
        if (await records.FindAsync(tenantId, paymentId, cancellationToken) is not { } payment || payment.CustomerId != customerId) return null;
        if (payment.Status != PaymentStatus.Succeeded) throw new ConflictException("This payment has not gone through, so it has no receipt.");

        var company = grains.GetGrain<ICompanyGrain>(tenantId).GetAsync();
        var customer = grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, customerId)).GetAsync();
        var settings = grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync();
        await Task.WhenAll(company, customer, settings);

        var applied = new List<(string Number, long Amount, DateTimeOffset At)>();
        foreach (var invoiceId in payment.InvoiceIds)
        {
            var rows = await ledger.ForInvoiceAsync(tenantId, invoiceId, cancellationToken);
            var number = rows.FirstOrDefault(r => r.Number is not null)?.Number is { } n ? InvoiceNumbers.Display(n) : "—";
            foreach (var row in rows.Where(r => r.Source == payment.PaymentId && r.Kind is LedgerKind.Paid or LedgerKind.PartiallyPaid))
                applied.Add((number, row.Amount, row.At));
        }

        var labels = ReceiptPdfLabels.For(language);
        var zone = LocalizedText.Zone((await settings).TimeZone);
        var paidAt = applied.Count > 0 ? applied.Max(a => a.At) : payment.UpdatedAt;
        string Amount(long minor) => LocalizedText.Money(new Grains.Payments.Money(minor, payment.Currency), language);
        var content = new ReceiptPdfContent(
            labels,
            (await company)?.Name ?? "",
            payment.PaymentId,
            $"{LocalizedText.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(paidAt, zone).DateTime), language)}, {LocalizedText.Time(paidAt, zone)}", // with its year: receipts are kept
            labels.MethodName(payment.Method),
            (await customer).Name,
            [.. applied.Select(a => new ReceiptPdfLine(labels.InvoiceLine(a.Number), Amount(a.Amount)))],
            Amount(applied.Count > 0 ? applied.Sum(a => a.Amount) : payment.Amount));
        var day = TimeZoneInfo.ConvertTime(paidAt, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ReportPdf(ReceiptPdfWriter.Render(content), $"{labels.FileName}-{day}-{payment.PaymentId}.pdf");
    }
}
