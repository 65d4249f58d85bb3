using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>One tax rate's line at the foot of a document: the taxable base at that rate and the tax on it.</summary>
[GenerateSerializer, Immutable, Alias("op.TaxLine")]
public sealed record TaxLine(int Rate, long Base, long Tax);

/// <summary>
/// A document's sums, in minor units, always computed from its lines (a total a client sends is never used). Tax is
/// computed per rate on the sum of the lines at that rate and rounded once per rate, as European invoices state it.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.DocumentTotals")]
public sealed record DocumentTotals(long Subtotal, long Discount, IReadOnlyList<TaxLine> Taxes, long Total)
{
    public static DocumentTotals Of(IReadOnlyList<LineItem> lines)
    {
        var subtotal = lines.Sum(l => l.Gross);
        var discount = lines.Sum(l => l.DiscountAmount);
        TaxLine[] taxes = [.. lines.Where(l => l.TaxRate > 0).GroupBy(l => l.TaxRate).OrderBy(g => g.Key)
            .Select(g => TaxAt(g.Key, g.Sum(l => l.Net)))];
        return new DocumentTotals(subtotal, discount, taxes, subtotal - discount + taxes.Sum(t => t.Tax));
    }

    private static TaxLine TaxAt(int rate, long taxable) => new(rate, taxable, LineItem.Round((decimal)taxable * rate / LineItem.WholeRate));
}
