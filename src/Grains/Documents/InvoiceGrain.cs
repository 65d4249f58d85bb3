using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Notifications.Documents;
using OrleansPortal.Grains.Payments.Autopay;
using OrleansPortal.Grains.Payments.Ledger;

namespace OrleansPortal.Grains.Documents;

[GenerateSerializer, Alias("op.InvoiceState")]
public sealed class InvoiceState
{
    [Id(0)]
    public NewInvoice? Details { get; set; }

    [Id(1)]
    public DateTimeOffset IssuedAt { get; set; }

    // Id 2 was a stored status; the status is summed from the ledger now. Never reuse it.

    /// <summary>
    /// Set by the write that stores the details, cleared once the ledger has the issued row (with the number) and the
    /// customer's list has the invoice. Found set on activation, the issue was cut short: completed if the ledger has the
    /// row, else undone, so an invoice is issued whole or not at all.
    /// </summary>
    [Id(3)]
    public bool Issuing { get; set; }

    /// <summary>
    /// Set with the details, cleared once "invoice issued" is in the outbox: an outbox outage is retried, and invoices
    /// stored before this existed are not told late.
    /// </summary>
    [Id(4)]
    public bool CustomerToBeTold { get; set; }

    /// <summary>
    /// Set with the details, cleared once autopay had its turn (charged, refused, or not on for this customer): the
    /// charge is made after the issue is durable, never inside it, and an outage of Stripe is retried. Invoices stored
    /// before autopay existed are never charged late.
    /// </summary>
    [Id(5)]
    public bool AutopayToTry { get; set; }
}

public sealed partial class InvoiceGrain(
    [PersistentState("invoice")] IPersistentState<InvoiceState> state, IMoneyLedger ledger, InvoiceNotices notices, IInvoiceAutopay autopay, DomainClock clock,
    ILogger<InvoiceGrain> logger)
    : Grain, IInvoiceGrain
{
    /// <summary>How soon listing an issued invoice for its customer, or telling them, is tried again after it failed.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    private IGrainTimer? _retry;

    private IReadOnlyList<LedgerEntry> _entries = [];

    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string InvoiceId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Details is not { } details) return;
        _entries = await ledger.ForInvoiceAsync(TenantId, InvoiceId, cancellationToken);
        var issued = _entries.Any(e => e.Kind == LedgerKind.Issued);
        if (state.State.Issuing)
        {
            if (issued) await FinishIssuingAsync(details);
            else await state.ClearStateAsync(); // the issue failed before the ledger took it: nothing of it stays
        }
        else if (!issued)
        {
            // Issued before invoices had a ledger: it takes its number and its issued row now, dated when it was issued.
            _entries = [await ledger.IssueAsync(IssuedRow(details, state.State.IssuedAt), cancellationToken)];
        }

        if (state.State.CustomerToBeTold || state.State.AutopayToTry) ScheduleRetry(TimeSpan.Zero);
    }

    public async Task<Invoice> IssueAsync(NewInvoice invoice)
    {
        if (state.State.Details is not null) throw new ConflictException($"Invoice {InvoiceId} already exists.");
        state.State.Details = invoice;
        state.State.IssuedAt = clock.GetUtcNow();
        state.State.Issuing = true;
        state.State.CustomerToBeTold = true;
        state.State.AutopayToTry = true;
        await state.WriteStateAsync();
        try
        {
            _entries = [await ledger.IssueAsync(IssuedRow(invoice, state.State.IssuedAt))];
        }
        catch
        {
            await UndoAsync();
            throw;
        }

        // Issued from here on: the ledger has it and its number. Listing it for the customer and telling them are
        // retried if they fail.
        try
        {
            await FinishIssuingAsync(invoice);
            await TellCustomerAsync();
            ScheduleRetry(TimeSpan.Zero); // autopay, in a turn of its own: the issue answers without waiting for Stripe
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFollowUpFailed(exception, InvoiceId);
            ScheduleRetry(RetryAfter);
        }

        return Snapshot();
    }

    private void ScheduleRetry(TimeSpan due)
    {
        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(async _ =>
        {
            try
            {
                if (state.State.Issuing && state.State.Details is { } details) await FinishIssuingAsync(details);
                await TellCustomerAsync();
                await TryAutopayAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFollowUpFailed(exception, InvoiceId);
                ScheduleRetry(RetryAfter);
            }
        }, due, Timeout.InfiniteTimeSpan);
    }

    // Charged to the customer's saved method if they turned autopay on; safe to repeat (the charge is keyed by the invoice).
    private async Task TryAutopayAsync()
    {
        if (!state.State.AutopayToTry) return;
        await autopay.ChargeIssuedAsync(TenantId, Snapshot());
        state.State.AutopayToTry = false;
        await state.WriteStateAsync();
    }

    private async Task TellCustomerAsync()
    {
        if (!state.State.CustomerToBeTold) return;
        await notices.QueueIssuedAsync(TenantId, Snapshot());
        state.State.CustomerToBeTold = false;
        await state.WriteStateAsync();
    }

    public Task<Invoice> GetAsync() => Task.FromResult(Snapshot());

    public Task<IReadOnlyList<LedgerEntry>> GetLedgerAsync()
    {
        Snapshot(); // 404 for no such invoice
        return Task.FromResult(_entries);
    }

    public async Task<Invoice> RecordPaymentAsync(MoneyMovement payment)
    {
        var invoice = Checked(payment);
        if (Recorded(payment.Source)) return invoice;
        var kind = payment.Amount >= invoice.Balance.Due ? LedgerKind.Paid : LedgerKind.PartiallyPaid;
        return await AppendAsync(Row(kind, payment));
    }

    public async Task<Invoice> RefundAsync(MoneyMovement refund)
    {
        var invoice = Checked(refund);
        if (Recorded(refund.Source)) return invoice;
        if (refund.Amount > invoice.Balance.NetPaid)
            throw new ConflictException($"Only {Money(invoice.Balance.NetPaid)} of this invoice was paid and not refunded; {Money(refund.Amount)} cannot be refunded.");
        // The credit note that goes with it carries its own source, so the pair is recorded once, together.
        return await AppendAsync(Row(LedgerKind.Refunded, refund), Row(LedgerKind.Credited, refund with { Source = refund.Source + ":credit" }));
    }

    public Task<Invoice> CreditAsync(MoneyMovement credit) => ReduceDueAsync(LedgerKind.Credited, credit, "credited");

    public Task<Invoice> WriteOffAsync(MoneyMovement writeOff) => ReduceDueAsync(LedgerKind.WrittenOff, writeOff, "written off");

    private async Task<Invoice> ReduceDueAsync(LedgerKind kind, MoneyMovement movement, string verb)
    {
        var invoice = Checked(movement);
        if (Recorded(movement.Source)) return invoice;
        if (movement.Amount > invoice.Balance.Due)
            throw new ConflictException($"Only {Money(Math.Max(0, invoice.Balance.Due))} is due on this invoice; {Money(movement.Amount)} cannot be {verb}.");
        return await AppendAsync(Row(kind, movement));
    }

    private async Task<Invoice> AppendAsync(params NewLedgerEntry[] rows)
    {
        _entries = await ledger.AppendAsync(rows);
        return Snapshot();
    }

    private Invoice Checked(MoneyMovement movement)
    {
        var invoice = Snapshot();
        if (movement.Amount <= 0) throw new ArgumentOutOfRangeException(nameof(movement), "An amount moved on an invoice is more than zero.");
        if (!string.Equals(movement.Currency, invoice.Details.Currency, StringComparison.OrdinalIgnoreCase))
            throw new ConflictException($"This invoice is in {invoice.Details.Currency}, not {movement.Currency.ToUpperInvariant()}.");
        return invoice;
    }

    private bool Recorded(string source) => _entries.Any(e => e.Source == source);

    private NewLedgerEntry Row(LedgerKind kind, MoneyMovement movement)
    {
        var details = state.State.Details!;
        return new NewLedgerEntry(TenantId, InvoiceId, details.CustomerId, details.PropertyId, kind, movement.Amount, details.Currency,
            movement.At ?? clock.GetUtcNow(), movement.Actor, movement.Source, movement.Note);
    }

    private NewLedgerEntry IssuedRow(NewInvoice details, DateTimeOffset at) =>
        new(TenantId, InvoiceId, details.CustomerId, details.PropertyId, LedgerKind.Issued, Totals(details).Total, details.Currency, at, details.IssuedBy, Source: null,
            DueOn: details.DueDate);

    // Listed after the ledger has it: a crash in between leaves Issuing set, and the next activation lists it.
    private async Task FinishIssuingAsync(NewInvoice details)
    {
        await GrainFactory.GetGrain<ICustomerDocumentsGrain>(TenantKeys.For(TenantId, details.CustomerId)).AddInvoiceAsync(InvoiceId);
        state.State.Issuing = false;
        await state.WriteStateAsync();
    }

    private async Task UndoAsync()
    {
        try
        {
            await state.ClearStateAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Storage is away too: the next activation finds Issuing set and no issued row, and clears it then.
        }

        state.State = new InvoiceState();
        _entries = [];
    }

    private string Money(long minor) => new Payments.Money(minor, state.State.Details!.Currency).ToString();

    private static DocumentTotals Totals(NewInvoice details) => DocumentTotals.Of(InMinorUnits(details).Lines);

    private static NewInvoice InMinorUnits(NewInvoice details) => details with { Lines = [.. details.Lines.Select(l => l.InMinorUnits(details.Currency))] };

    private Invoice Snapshot()
    {
        var stored = state.State.Details;
        var issued = _entries.FirstOrDefault(e => e.Kind == LedgerKind.Issued);
        if (stored is null || issued is null) throw new NotFoundException($"Invoice {InvoiceId} does not exist.");
        var details = InMinorUnits(stored);
        var balance = InvoiceBalance.Of(_entries);
        return new Invoice(InvoiceId, issued.Number!.Value, details, Totals(details), state.State.IssuedAt, balance, StatusOf(balance));
    }

    private static InvoiceStatus StatusOf(InvoiceBalance b) => b switch
    {
        { Due: > 0, NetPaid: > 0 } => InvoiceStatus.PartiallyPaid,
        { Due: > 0 } => InvoiceStatus.Open,
        { NetPaid: > 0 } => InvoiceStatus.Paid,
        { Refunded: > 0 } => InvoiceStatus.Refunded,
        { WrittenOff: > 0 } => InvoiceStatus.WrittenOff,
        { Credited: > 0 } => InvoiceStatus.Credited,
        _ => InvoiceStatus.Paid, // an invoice for nothing owes nothing
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoice {InvoiceId} is issued, but listing it for its customer, telling them or autopay failed; trying again")]
    private partial void LogFollowUpFailed(Exception exception, string invoiceId);
}
