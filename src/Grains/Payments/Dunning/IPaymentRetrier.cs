namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// The payment provider's side of dunning, implemented by the web host (Stripe). Grains know no provider SDK; each call
/// is safe to repeat (the provider's idempotency key names the case and the attempt).
/// </summary>
public interface IPaymentRetrier
{
    /// <summary>Asks for the money of <paramref name="dunningCase"/> again; <paramref name="attempt"/> numbers this try (2 is the first retry).</summary>
    Task<RetryOutcome> RetryAsync(string tenantId, DunningCase dunningCase, int attempt, CancellationToken cancellationToken = default);

    /// <summary>Stops (or with false restarts) the provider charging the plan of a renewal case; nothing for other kinds.</summary>
    Task PauseCollectionAsync(string tenantId, DunningCase dunningCase, bool paused, CancellationToken cancellationToken = default);
}
