using System.Globalization;

namespace OrleansPortal.Web.Payments.Stripe;

/// <summary>
/// What a payment pays, written into the Stripe PaymentIntent's metadata when the checkout is created and read back from
/// the webhook: the company, the customer, and each invoice with the amount (minor units) paid towards it. Stripe keeps
/// metadata values to 500 characters, so a checkout pays at most <see cref="MaxInvoices"/> invoices.
/// </summary>
public sealed record PaymentAllocations(string TenantId, string CustomerId, IReadOnlyList<(string InvoiceId, long Amount)> Invoices)
{
    public const int MaxInvoices = 10;

    public const string TenantKey = "op_tenant";
    public const string CustomerKey = "op_customer";
    public const string InvoicesKey = "op_invoices";

    public long Total => Invoices.Sum(i => i.Amount);

    /// <summary>
    /// <paramref name="amount"/> shared out over the invoices in order, each up to its own share: all of them when the
    /// amount is the total; the first ones when it is less; the last takes any excess.
    /// </summary>
    public IReadOnlyList<(string InvoiceId, long Amount)> Spread(long amount)
    {
        var shares = new List<(string, long)>();
        var left = amount;
        for (var i = 0; i < Invoices.Count && left > 0; i++)
        {
            var (id, share) = Invoices[i];
            var take = i == Invoices.Count - 1 ? left : Math.Min(share, left);
            shares.Add((id, take));
            left -= take;
        }

        return shares;
    }

    public Dictionary<string, string> ToMetadata() => new()
    {
        [TenantKey] = TenantId,
        [CustomerKey] = CustomerId,
        [InvoicesKey] = string.Join(',', Invoices.Select(i => $"{i.InvoiceId}:{i.Amount.ToString(CultureInfo.InvariantCulture)}")),
    };

    /// <summary>The allocations in <paramref name="metadata"/>, or null when it is not a payment this app asked for.</summary>
    public static PaymentAllocations? From(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || !metadata.TryGetValue(TenantKey, out var tenant) || !metadata.TryGetValue(CustomerKey, out var customer)
            || !metadata.TryGetValue(InvoicesKey, out var invoices))
            return null;
        var parsed = new List<(string, long)>();
        foreach (var part in invoices.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (id, amount) = (part.Split(':') is [var i, var a] ? (i, a) : ("", ""));
            if (id.Length == 0 || !long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var minor) || minor <= 0) return null;
            parsed.Add((id, minor));
        }

        return parsed.Count == 0 ? null : new PaymentAllocations(tenant, customer, parsed);
    }
}
