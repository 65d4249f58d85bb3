using Orleans;

namespace OrleansPortal.Grains.Payments.Ledger;

/// <summary>
/// A row to add to the ledger. <paramref name="Source"/> (a Stripe object id, an office action's id) makes it
/// once-only per invoice. <paramref name="DueOn"/> is the invoice's due date, given on its issued row.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.NewLedgerEntry")]
public sealed record NewLedgerEntry(
    string TenantId, string InvoiceId, string CustomerId, string? PropertyId, LedgerKind Kind, long Amount, string Currency,
    DateTimeOffset At, string Actor, string? Source, string? Note = null, DateOnly? DueOn = null);

/// <summary>A stored ledger row: <see cref="Seq"/> orders the rows as they were recorded; <see cref="Number"/> is on the issued row.</summary>
[GenerateSerializer, Immutable, Alias("op.LedgerEntry")]
public sealed record LedgerEntry(
    long Seq, string InvoiceId, string CustomerId, string? PropertyId, LedgerKind Kind, long Amount, string Currency,
    DateTimeOffset At, string Actor, string? Source, long? Number, string? Note, DateOnly? DueOn = null);
