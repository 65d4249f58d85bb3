using OrleansPortal.Grains.Payments.Ledger;

namespace OrleansPortal.Web.Payments.Office;

/// <summary>One ledger row.</summary>
/// <param name="Kind">Issued, Paid, PartiallyPaid, Refunded, Credited or WrittenOff.</param>
/// <param name="Actor">Who: a dispatcher's email, "stripe", or the one who issued it.</param>
/// <param name="Source">What caused it: a Stripe PaymentIntent or Refund id, or "office:{requestId}".</param>
/// <param name="Method">For a payment the office recorded: cash, transfer or cheque.</param>
/// <param name="Note">A reason (credit notes, write-offs, refunds) or a payment's reference.</param>
public sealed record LedgerRowDto(long Seq, string Kind, long Amount, string Currency, string Actor, DateTimeOffset At, string? Source, string? Method, string? Note)
{
    public static LedgerRowDto Of(LedgerEntry e)
    {
        var (method, note) = OfficePaymentNote.Read(e);
        return new LedgerRowDto(e.Seq, e.Kind.ToString(), e.Amount, e.Currency, e.Actor, e.At, e.Source, method, note);
    }
}
