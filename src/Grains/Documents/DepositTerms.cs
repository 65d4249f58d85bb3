using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// The deposit an estimate asks for on approval: either a share of its total (<see cref="Rate"/>, basis points: 3000 is
/// 30 %) or a fixed amount in minor units. The API checks that exactly one is set, and that it is more than zero and
/// no more than the estimate's total.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.DepositTerms")]
public sealed record DepositTerms(int? Rate, long? Amount)
{
    /// <summary>The deposit in minor units of an estimate totalling <paramref name="total"/>, rounded as invoices round.</summary>
    public long AmountOf(long total) => Rate is { } rate ? LineItem.Round((decimal)total * rate / LineItem.WholeRate) : Amount ?? 0;
}
