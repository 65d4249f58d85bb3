using System.Globalization;

namespace OrleansPortal.Grains.Documents;

/// <summary>How an invoice number reads.</summary>
public static class InvoiceNumbers
{
    public static string Display(long number) => "INV-" + number.ToString("D5", CultureInfo.InvariantCulture);
}
