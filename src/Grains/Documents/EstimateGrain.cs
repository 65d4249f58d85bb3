using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Notifications.Documents;

namespace OrleansPortal.Grains.Documents;

[GenerateSerializer, Alias("op.EstimateState")]
public sealed class EstimateState
{
    [Id(0)]
    public NewEstimate? Details { get; set; }

    [Id(1)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(2)]
    public EstimateDecision? Decision { get; set; }

    /// <summary>
    /// Set in the same write that creates the estimate, cleared once the customer's "estimate ready" messages are in
    /// the outbox: a crash or an outbox outage in between is retried, and estimates stored before this existed are not told late.
    /// </summary>
    [Id(3)]
    public bool CustomerToBeTold { get; set; }

    /// <summary>The deposit invoice's id, chosen and stored with the approval, before the invoice is issued.</summary>
    [Id(4)]
    public string? DepositInvoiceId { get; set; }

    /// <summary>Set with <see cref="DepositInvoiceId"/>, cleared once that invoice is issued: found set, the issue is tried again.</summary>
    [Id(5)]
    public bool DepositIssuing { get; set; }

    /// <summary>Progress invoices against the estimate, in the order asked for.</summary>
    [Id(6)]
    public List<ProgressEntry> Progress { get; set; } = [];
}

public sealed partial class EstimateGrain(
    [PersistentState("estimate")] IPersistentState<EstimateState> state, DomainClock clock, EstimateReadyNotice readyNotice, ILogger<EstimateGrain> logger)
    : Grain, IEstimateGrain
{
    /// <summary>How soon telling the customer is tried again after the outbox could not take the messages.</summary>
    private static readonly TimeSpan RetryTellingAfter = TimeSpan.FromMinutes(1);

    private IGrainTimer? _retry;

    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string EstimateId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<Estimate> CreateAsync(NewEstimate estimate)
    {
        if (state.State.Details is not null) throw new ConflictException($"Estimate {EstimateId} already exists.");
        state.State.Details = estimate;
        state.State.CreatedAt = clock.GetUtcNow();
        state.State.CustomerToBeTold = true;
        await state.WriteStateAsync();
        // Listed after it is stored: a crash in between leaves an estimate nobody lists, never a listed one that is missing.
        await GrainFactory.GetGrain<ICustomerDocumentsGrain>(TenantKeys.For(TenantId, estimate.CustomerId)).AddEstimateAsync(EstimateId);
        await TellCustomerAsync();
        return await BilledSnapshotAsync();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Created, but the messages never reached the outbox (the silo died, or the outbox was down): try again. An
        // invoice cut short is finished by the next call that needs it (approving again, billing, reading the sums).
        if (state.State.CustomerToBeTold) ScheduleRetry(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues "estimate ready" for the customer's contacts. An outbox that cannot take them does not fail the estimate
    /// (it is stored and listed); a timer tries again, and the next activation would too.
    /// </summary>
    private async Task TellCustomerAsync()
    {
        if (!state.State.CustomerToBeTold) return;
        try
        {
            await readyNotice.QueueAsync(TenantId, Snapshot());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogTellingFailed(exception, EstimateId);
            ScheduleRetry(RetryTellingAfter);
            return;
        }

        state.State.CustomerToBeTold = false;
        await state.WriteStateAsync();
    }

    private void ScheduleRetry(TimeSpan due)
    {
        _retry?.Dispose();
        _retry = this.RegisterGrainTimer(async _ => await TellCustomerAsync(), due, Timeout.InfiniteTimeSpan);
    }

    public Task<Estimate> GetAsync() => BilledSnapshotAsync();

    public async Task<Estimate> DecideAsync(EstimateDecisionRequest request)
    {
        var estimate = Snapshot();
        if (estimate.Decision is { Approved: true } && request.Approve && state.State.DepositInvoiceId is not null)
            return await IssueDepositAsync(); // approved with a deposit before: the same invoice, to pay it now
        if (estimate.Decision is { } done)
            throw new ConflictException($"This estimate was already {(done.Approved ? "approved" : "declined")} on {done.At:yyyy-MM-dd HH:mm} UTC; it cannot change.");
        var now = clock.GetUtcNow();
        if (request.Approve && estimate.IsExpired(now))
            throw new ConflictException($"This estimate expired on {estimate.Details.ValidUntil:yyyy-MM-dd HH:mm} UTC and can no longer be approved; ask for a new one.");
        state.State.Decision = new EstimateDecision(request.Approve, request.SignedName, request.ContactId, request.ClientIp, now);
        if (request.Approve && DepositAmount(estimate) > 0)
        {
            state.State.DepositInvoiceId = TenantKeys.NewId();
            state.State.DepositIssuing = true;
        }

        await state.WriteStateAsync();
        return await IssueDepositAsync();
    }

    public async Task<Estimate> BillProgressAsync(ProgressBill bill)
    {
        await FinishIssuingAsync();
        var estimate = await BilledSnapshotAsync();
        if (estimate.Status != EstimateStatus.Approved) throw new ConflictException("Only an approved estimate is billed in progress invoices.");
        var billing = estimate.Billing!;
        var amount = bill.Rate is { } rate ? LineItem.Round((decimal)estimate.Totals.Total * rate / LineItem.WholeRate) : bill.Amount ?? 0;
        var remaining = estimate.Totals.Total - billing.Billed;
        if (amount <= 0) throw new ConflictException("That share of this estimate rounds to nothing; bill an amount instead.");
        if (amount > remaining)
            throw new ConflictException($"Only {Money(remaining)} of this estimate remains to bill; a progress invoice of {Money(amount)} would bill more than its total.");

        var credit = Math.Min(amount, Math.Max(0, billing.DepositPaid - billing.DepositCredited));
        var entry = new ProgressEntry
        {
            InvoiceId = bill.InvoiceId, Amount = amount, DepositCredit = credit, Issuing = true,
            Invoice = EstimateInvoices.Progress(estimate, bill, amount, credit, billing.DepositInvoiceNumber is { } n ? InvoiceNumbers.Display(n) : null),
        };
        state.State.Progress.Add(entry); // stored before the invoice: a second request already counts this one
        await state.WriteStateAsync();
        try
        {
            await IssueAsync(entry.InvoiceId, entry.Invoice);
        }
        catch (Exception exception) when (exception is not ConflictException)
        {
            state.State.Progress.Remove(entry); // the invoice did not happen (it is all or nothing): neither does its share
            await state.WriteStateAsync();
            throw;
        }

        entry.Issuing = false;
        entry.Invoice = null;
        await state.WriteStateAsync();
        return await BilledSnapshotAsync();
    }

    private async Task<Estimate> IssueDepositAsync()
    {
        await FinishIssuingAsync();
        return await BilledSnapshotAsync();
    }

    /// <summary>Issues what was stored as being issued: the deposit invoice, and progress invoices a crash cut short.</summary>
    private async Task FinishIssuingAsync()
    {
        if (state.State.DepositIssuing && state.State.DepositInvoiceId is { } depositId)
        {
            var estimate = Snapshot();
            await IssueAsync(depositId, EstimateInvoices.Deposit(estimate, DepositAmount(estimate), DateOnly.FromDateTime(estimate.Decision!.At.UtcDateTime),
                EstimateInvoices.ContactIssuerPrefix + estimate.Decision.ContactId));
            state.State.DepositIssuing = false;
            await state.WriteStateAsync();
        }

        foreach (var entry in state.State.Progress.Where(p => p.Issuing && p.Invoice is not null).ToList())
        {
            await IssueAsync(entry.InvoiceId, entry.Invoice!);
            entry.Issuing = false;
            entry.Invoice = null;
            await state.WriteStateAsync();
        }
    }

    /// <summary>Issues the invoice unless it was issued before (an earlier try that got that far).</summary>
    private async Task IssueAsync(string invoiceId, NewInvoice invoice)
    {
        var grain = GrainFactory.GetGrain<IInvoiceGrain>(TenantKeys.For(TenantId, invoiceId));
        try
        {
            await grain.IssueAsync(invoice);
        }
        catch (ConflictException)
        {
            await grain.GetAsync(); // it exists: issued whole before (else this throws)
        }
    }

    /// <summary>The estimate with its deposit and progress sums, the deposit's payment read from its invoice's ledger.</summary>
    private async Task<Estimate> BilledSnapshotAsync()
    {
        var estimate = Snapshot();
        var deposit = DepositAmount(estimate);
        var (status, number, paid) = (deposit > 0 ? DepositStatus.AwaitingApproval : DepositStatus.None, (long?)null, 0L);
        if (state.State is { DepositInvoiceId: { } id, DepositIssuing: false })
        {
            var invoice = await GrainFactory.GetGrain<IInvoiceGrain>(TenantKeys.For(TenantId, id)).GetAsync();
            (number, paid) = (invoice.Number, invoice.Balance.NetPaid);
            status = invoice.Balance.Due <= 0 && paid > 0 ? DepositStatus.Paid : DepositStatus.Due;
        }
        else if (state.State.DepositInvoiceId is not null)
        {
            status = DepositStatus.Due;
        }

        var progress = state.State.Progress;
        return estimate with
        {
            Billing = new EstimateBilling(deposit, status, state.State.DepositInvoiceId, number, paid, progress.Sum(p => p.Amount), progress.Sum(p => p.DepositCredit),
                [.. progress.Select(p => p.InvoiceId)]),
        };
    }

    private static long DepositAmount(Estimate estimate) => estimate.Details.Deposit?.AmountOf(estimate.Totals.Total) ?? 0;

    private string Money(long minor) => new Payments.Money(minor, state.State.Details!.Currency).ToString();

    private Estimate Snapshot()
    {
        var stored = state.State.Details ?? throw new NotFoundException($"Estimate {EstimateId} does not exist.");
        var details = stored with { Lines = [.. stored.Lines.Select(l => l.InMinorUnits(stored.Currency))] };
        var decision = state.State.Decision;
        var status = decision is null ? EstimateStatus.Pending : decision.Approved ? EstimateStatus.Approved : EstimateStatus.Declined;
        return new Estimate(EstimateId, details, DocumentTotals.Of(details.Lines), state.State.CreatedAt, status, decision);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Estimate {EstimateId} is stored, but its customer could not be told yet; trying again")]
    private partial void LogTellingFailed(Exception exception, string estimateId);
}
