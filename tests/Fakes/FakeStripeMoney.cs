using System.Globalization;

namespace OrleansPortal.Fakes;

/// <summary>Amounts in minor units written as Stripe's messages and checkout page write them: "€24.68", "US$5.00".</summary>
internal static class FakeStripeMoney
{
    // Stripe's zero-decimal currencies that the demo could meet; every other currency has two decimals here.
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.Ordinal) { "jpy", "krw", "clp", "vnd", "xaf", "xof" };

    public static string Format(long amount, string currency)
    {
        var symbol = currency switch
        {
            "eur" => "€",
            "usd" => "US$",
            "gbp" => "£",
            _ => currency.ToUpperInvariant() + " ",
        };
        var value = ZeroDecimal.Contains(currency) ? amount.ToString("N0", CultureInfo.InvariantCulture) : (amount / 100m).ToString("N2", CultureInfo.InvariantCulture);
        return symbol + value;
    }
}
