using Orleans;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// One failed payment being collected, keyed "{tenantId}:{invoiceId}". It retries on the company's schedule
/// (<see cref="RetrySchedule"/>, read when the case opens) with an Orleans reminder, tells the payers after each failed
/// attempt (with its number and the next date), and after the last one gives up: the plan's collection is paused, the
/// payers told, and the office alerted on the dispatch board. A payment ends the case.
/// </summary>
[Alias("op.IDunningGrain")]
public interface IDunningGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>
    /// Opens the case after the first failure and reminds the payers; a case already open (the provider reporting the
    /// same failure again, or a failed retry) is returned as it is. A case that ended opens again.
    /// <see cref="ArgumentException"/> for a case that is not complete for its kind.
    /// </summary>
    Task<DunningSnapshot> StartAsync(DunningCase dunningCase);

    /// <summary>The case; <see cref="NotFoundException"/> when none was ever opened.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<DunningSnapshot> GetAsync();

    /// <summary>The money arrived (the provider's webhook): the case ends, its retries and its alert go. Nothing when there is no open case.</summary>
    Task ResolveAsync();

    /// <summary>The office stops the retries for now. <see cref="ConflictException"/> unless the case is retrying.</summary>
    Task<DunningSnapshot> PauseAsync(string actor);

    /// <summary>The office resumes the retries: the next one falls when it was due, or at once if that passed. <see cref="ConflictException"/> unless paused.</summary>
    Task<DunningSnapshot> ResumeAsync(string actor);
}
