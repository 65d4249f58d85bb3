using OrleansPortal.Grains.Payments.Dunning;

namespace OrleansPortal.Web.Payments.Dunning;

/// <summary>Without a payment provider no case opens; one read or changed by the office still activates, and its retries wait.</summary>
public sealed class UnconfiguredPaymentRetrier : IPaymentRetrier
{
    public Task<RetryOutcome> RetryAsync(string tenantId, DunningCase dunningCase, int attempt, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RetryOutcome(RetryOutcomeKind.Unavailable));

    public Task PauseCollectionAsync(string tenantId, DunningCase dunningCase, bool paused, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
