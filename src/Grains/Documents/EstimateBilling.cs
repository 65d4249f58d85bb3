using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// An estimate's money after it is written: its deposit, and what progress invoices have billed of its total.
/// </summary>
/// <param name="DepositAmount">What the deposit is, in minor units; 0 when none is asked for.</param>
/// <param name="DepositPaid">Paid on the deposit invoice and not refunded, from its ledger.</param>
/// <param name="Billed">The sum of the progress invoices' amounts before the deposit credit: never more than the total.</param>
/// <param name="DepositCredited">The part of the paid deposit taken off progress invoices so far, never more than was paid.</param>
[GenerateSerializer, Immutable, Alias("op.EstimateBilling")]
public sealed record EstimateBilling(
    long DepositAmount, DepositStatus DepositStatus, string? DepositInvoiceId, long? DepositInvoiceNumber, long DepositPaid,
    long Billed, long DepositCredited, IReadOnlyList<string> ProgressInvoiceIds)
{
    public static readonly EstimateBilling Nothing = new(0, DepositStatus.None, null, null, 0, 0, 0, []);
}
