using Orleans;
using Orleans.Runtime;

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
}

public sealed class EstimateGrain([PersistentState("estimate")] IPersistentState<EstimateState> state, DomainClock clock) : Grain, IEstimateGrain
{
    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string EstimateId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<Estimate> CreateAsync(NewEstimate estimate)
    {
        if (state.State.Details is not null) throw new ConflictException($"Estimate {EstimateId} already exists.");
        state.State.Details = estimate;
        state.State.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        // Listed after it is stored: a crash in between leaves an estimate nobody lists, never a listed one that is missing.
        await GrainFactory.GetGrain<ICustomerDocumentsGrain>(TenantKeys.For(TenantId, estimate.CustomerId)).AddEstimateAsync(EstimateId);
        return Snapshot();
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
        var details = state.State.Details ?? throw new NotFoundException($"Estimate {EstimateId} does not exist.");
        var decision = state.State.Decision;
        var status = decision is null ? EstimateStatus.Pending : decision.Approved ? EstimateStatus.Approved : EstimateStatus.Declined;
        return new Estimate(EstimateId, details, LineItem.Total(details.Lines), state.State.CreatedAt, status, decision);
    }
}
