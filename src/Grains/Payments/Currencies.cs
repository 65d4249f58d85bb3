namespace OrleansPortal.Grains.Payments;

/// <summary>
/// ISO 4217 currencies' minor units: how many decimals an amount has, so integer minor units (cents) can be read and
/// written. Most have 2; the lists name those Stripe documents as zero-decimal and three-decimal.
/// </summary>
public static class Currencies
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "BHD", "JOD", "KWD", "OMR", "TND" };

    /// <summary>A new company's currency, and that of a company stored before companies had one.</summary>
    public const string Default = "EUR";

    /// <summary>Decimals of <paramref name="currency"/>'s major unit: 2 for EUR (cents), 0 for JPY.</summary>
    public static int Decimals(string currency) => ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>Minor units in one major unit: 100 for EUR.</summary>
    public static long MinorPerMajor(string currency) => Decimals(currency) switch { 0 => 1, 3 => 1000, _ => 100 };

    /// <summary>
    /// Whether <paramref name="currency"/> is an active ISO 4217 code (<see cref="Iso4217Codes"/>), in any letter case:
    /// "EUR" and "eur" are, "EUX" and "EU" are not. Upper case is how codes are stored.
    /// </summary>
    public static bool IsKnown(string? currency) => currency is { Length: 3 } && Iso4217Codes.Active.Contains(currency.ToUpperInvariant());

    /// <summary>What a refused code is told, under its field.</summary>
    public const string UnknownMessage = "Currency must be an active ISO 4217 code such as EUR, USD or GBP.";
}
