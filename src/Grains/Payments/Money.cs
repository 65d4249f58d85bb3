using System.Globalization;
using Orleans;

namespace OrleansPortal.Grains.Payments;

/// <summary>An amount in integer minor units of an ISO 4217 currency (1250 EUR is €12.50). Never a fraction.</summary>
[GenerateSerializer, Immutable, Alias("op.Money")]
public readonly record struct Money([property: Id(0)] long Minor, [property: Id(1)] string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    /// <summary>The major-unit value, exact (decimal), for display and for formats that want it ("12.50").</summary>
    public decimal Major => (decimal)Minor / Currencies.MinorPerMajor(Currency);

    /// <summary>"12.50" for 1250 EUR, "1250" for 1250 JPY: invariant, the currency's own decimals.</summary>
    public string MajorText => Major.ToString("F" + Currencies.Decimals(Currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + b.Minor), Same(a, b));

    public static Money operator -(Money a, Money b) => new(checked(a.Minor - b.Minor), Same(a, b));

    public override string ToString() => $"{MajorText} {Currency}";

    private static string Same(Money a, Money b) =>
        string.Equals(a.Currency, b.Currency, StringComparison.OrdinalIgnoreCase) ? a.Currency : throw new InvalidOperationException($"Cannot add {a.Currency} and {b.Currency}.");
}
