using Orleans;
using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// One line of an estimate or invoice, in integer minor units of the document's currency. Rates are basis points
/// (2300 is 23 %). The line's own amounts are rounded to the minor unit here, once, so lines add up to what is shown.
/// </summary>
/// <param name="LegacyUnitPrice">
/// Lines stored before amounts were minor units carried a decimal unit price in major units (80.00) in this place;
/// <see cref="InMinorUnits"/> converts such a line. Zero on every line made since. It stays third, and the members stay
/// primary-constructor parameters: Orleans stores those by position, so state written before still loads.
/// </param>
/// <param name="UnitAmount">Price of one unit, in minor units (8000 is €80.00).</param>
/// <param name="TaxRate">The tax on the line's amount after its discount (Portugal's standard VAT is 2300).</param>
/// <param name="Discount">The share taken off the line (1000 is 10 % off).</param>
[GenerateSerializer, Immutable, Alias("op.LineItem")]
public sealed record LineItem(string Description, decimal Quantity, decimal LegacyUnitPrice, long UnitAmount, int TaxRate, int Discount)
{
    public LineItem(string description, decimal quantity, long unitAmount, int taxRate = 0, int discount = 0)
        : this(description, quantity, 0m, unitAmount, taxRate, discount)
    {
    }

    /// <summary>The most a rate may be: 100 % in basis points.</summary>
    public const int WholeRate = 10_000;

    /// <summary>Quantity times unit price.</summary>
    public long Gross => Round(Quantity * UnitAmount);

    public long DiscountAmount => Round((decimal)Gross * Discount / WholeRate);

    /// <summary>What the line charges before tax.</summary>
    public long Net => Gross - DiscountAmount;

    /// <summary>This line with a legacy decimal price turned into minor units of <paramref name="currency"/> (exactly: it had cents).</summary>
    public LineItem InMinorUnits(string currency) => LegacyUnitPrice != 0 && UnitAmount == 0
        ? this with { UnitAmount = Round(LegacyUnitPrice * Currencies.MinorPerMajor(currency)), LegacyUnitPrice = 0 }
        : this;

    /// <summary>To the nearest minor unit, halves away from zero, as invoices round.</summary>
    public static long Round(decimal amount) => checked((long)Math.Round(amount, 0, MidpointRounding.AwayFromZero));
}
