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
        return Snapshot();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Created, but the messages never reached the outbox (the silo died, or the outbox was down): try again.
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

    public Task<Estimate> GetAsync() => Task.FromResult(Snapshot());

    public async Task<Estimate> DecideAsync(EstimateDecisionRequest request)
    {
        var estimate = Snapshot();
        if (estimate.Decision is { } done)
            throw new ConflictException($"This estimate was already {(done.Approved ? "approved" : "declined")} on {done.At:yyyy-MM-dd HH:mm} UTC; it cannot change.");
        var now = clock.GetUtcNow();
        if (request.Approve && estimate.IsExpired(now))
            throw new ConflictException($"This estimate expired on {estimate.Details.ValidUntil:yyyy-MM-dd HH:mm} UTC and can no longer be approved; ask for a new one.");
        state.State.Decision = new EstimateDecision(request.Approve, request.SignedName, request.ContactId, request.ClientIp, now);
        await state.WriteStateAsync();
        return Snapshot();
    }

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
