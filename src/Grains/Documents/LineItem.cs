using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>One line of an estimate or invoice. Amounts are decimal and rounded to cents per line, so lines add up to the total shown.</summary>
[GenerateSerializer, Immutable, Alias("op.LineItem")]
public sealed record LineItem(string Description, decimal Quantity, decimal UnitPrice)
{
    public decimal Amount => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    /// <summary>The total is always computed here, from the lines; a total sent by a client is never used.</summary>
    public static decimal Total(IEnumerable<LineItem> lines) => lines.Sum(l => l.Amount);
}
