using System.Globalization;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Payments.Reports;

/// <summary><see cref="IInvoiceLabels"/> on tables <c>money_ledger</c> (the issued row carries the number) and <c>customer_directory</c>.</summary>
public sealed class InvoiceLabels(PortalDatabase database) : IInvoiceLabels
{
    /// <summary>Ids per statement: far below either database's limit on parameters, and a list the office reads is shorter.</summary>
    private const int Batch = 500;

    public async Task<IReadOnlyDictionary<string, InvoiceLabel>> ForAsync(string tenantId, IReadOnlyCollection<string> invoiceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoiceIds);
        var labels = new Dictionary<string, InvoiceLabel>(StringComparer.Ordinal);
        foreach (var chunk in invoiceIds.Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            var names = string.Join(", ", chunk.Select((_, i) => "@i" + i.ToString(CultureInfo.InvariantCulture)));
            var rows = await database.QueryAsync(
                "SELECT l.invoice_id, l.number, l.customer_id, d.name FROM money_ledger l " +
                "LEFT JOIN customer_directory d ON d.tenant_id = l.tenant_id AND d.customer_id = l.customer_id " +
                $"WHERE l.tenant_id = @tenant AND l.kind = 'issued' AND l.invoice_id IN ({names})",
                a =>
                {
                    a.Add("@tenant", tenantId);
                    for (var i = 0; i < chunk.Length; i++) a.Add("@i" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
                },
                r => new InvoiceLabel(r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)),
                cancellationToken);
            foreach (var label in rows) labels[label.InvoiceId] = label;
        }

        return labels;
    }
}
