using Orleans;

namespace OrleansPortal.Grains.Documents;

/// <summary>
/// One progress invoice as the estimate keeps it: what it bills of the total, and the deposit it credits. Stored with
/// <see cref="Issuing"/> set before the invoice is issued, so the sums can never be spent twice by a second request.
/// </summary>
[GenerateSerializer, Alias("op.ProgressEntry")]
public sealed class ProgressEntry
{
    [Id(0)]
    public string InvoiceId { get; set; } = "";

    [Id(1)]
    public long Amount { get; set; }

    [Id(2)]
    public long DepositCredit { get; set; }

    [Id(3)]
    public bool Issuing { get; set; }

    [Id(4)]
    public NewInvoice? Invoice { get; set; }
}
