using System.Collections.Concurrent;

namespace OrleansPortal.Benchmarks.Payments;

/// <summary>
/// What the generator knows it did at Stripe, and so what the database must hold afterwards: per invoice, what was
/// billed, paid (by which PaymentIntents) and refunded (by which Refunds); per PaymentIntent, the status it ended in;
/// the paid periods of each plan subscription; and the forged events and the PaymentIntents they name, of which nothing
/// may be recorded.
/// </summary>
internal sealed class ExpectedMoney
{
    private readonly ConcurrentDictionary<string, InvoiceMoney> _invoices = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> PaymentStatuses { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte> ForgedEvents { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte> ForgedPayments { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, InvoiceMoney> Invoices => _invoices;

    /// <summary>Per subscription of ours, the Stripe invoices of its paid periods: each must be one invoice of ours, paid in full.</summary>
    public ConcurrentDictionary<string, ConcurrentBag<string>> PaidPeriods { get; } = new(StringComparer.Ordinal);

    public void PeriodPaid(string subscriptionId, string stripeInvoiceId) => PaidPeriods.GetOrAdd(subscriptionId, _ => []).Add(stripeInvoiceId);

    public void Billed(BookedInvoice invoice) => _invoices[invoice.Id] = new InvoiceMoney(invoice.Total);

    public void Paid(string invoiceId, string paymentIntentId, long amount) => _invoices[invoiceId].Add(paymentIntentId, amount, refund: false);

    public void Refunded(string invoiceId, string refundId, long amount) => _invoices[invoiceId].Add(refundId, amount, refund: true);
}

/// <summary>One invoice's expected money (minor units), with the Stripe objects that moved it.</summary>
internal sealed class InvoiceMoney(long billed)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _sources = new(StringComparer.Ordinal);

    public long Billed { get; } = billed;

    public long Paid { get; private set; }

    public long Refunded { get; private set; }

    /// <summary>Billed − credited − (paid − refunded); each refund comes with a credit note of its amount, so that is billed − paid.</summary>
    public long Due => Billed - Paid;

    public IReadOnlyDictionary<string, long> Sources
    {
        get
        {
            lock (_gate) return new Dictionary<string, long>(_sources, StringComparer.Ordinal);
        }
    }

    public void Add(string source, long amount, bool refund)
    {
        lock (_gate)
        {
            _sources.Add(source, amount);
            if (refund) Refunded += amount;
            else Paid += amount;
        }
    }
}
