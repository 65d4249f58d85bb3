using Orleans;

namespace OrleansPortal.Grains.Payments.Ledger;

/// <summary>What a ledger row records. Every amount is positive; the kind says which way it moves the balance.</summary>
[GenerateSerializer, Alias("op.LedgerKind")]
public enum LedgerKind
{
    /// <summary>The invoice was issued for its total: the customer owes it.</summary>
    Issued,

    /// <summary>A payment that settled what was due.</summary>
    Paid,

    /// <summary>A payment that left some of it due.</summary>
    PartiallyPaid,

    /// <summary>Money paid went back to the customer. Always recorded with a <see cref="Credited"/> row of the same amount.</summary>
    Refunded,

    /// <summary>A credit note: the invoice's amount was reduced.</summary>
    Credited,

    /// <summary>The company gave up collecting this much.</summary>
    WrittenOff,
}
