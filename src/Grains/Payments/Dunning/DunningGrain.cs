using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Documents;

namespace OrleansPortal.Grains.Payments.Dunning;

/// <summary>
/// The schedule lives in state (<see cref="DunningState.NextRetryAt"/>, by the domain clock); the Orleans reminder only
/// wakes the grain, first at that time and then every <see cref="DunningOptions.CheckPeriod"/>, so a retry the provider
/// could not take is made at the next wake-up, and a grain moved to another silo or restarted keeps its schedule. Each
/// retry is recorded before the reminders go out, and the provider's call carries a key naming the attempt, so a crash
/// in between neither charges twice nor skips an attempt.
/// </summary>
public sealed class DunningGrain(
    [PersistentState("dunning")] IPersistentState<DunningState> state,
    IPaymentRetrier retrier,
    DunningNotices notices,
    IOptions<DunningOptions> options,
    DomainClock clock,
    ILogger<DunningGrain> logger) : Grain, IDunningGrain
{
    public const string ReminderName = "retry";

    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string CaseId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public async Task<DunningSnapshot> StartAsync(DunningCase dunningCase)
    {
        if (dunningCase.Problem() is { } problem) throw new ArgumentException(problem, nameof(dunningCase));
        if (dunningCase.InvoiceId != CaseId) throw new ArgumentException("A case is keyed by its invoice.", nameof(dunningCase));
        if (state.State.Case is not null && state.State.Status is not DunningStatus.Resolved) return Snapshot();

        var company = await GrainFactory.GetGrain<ICompanyGrain>(TenantId).GetAsync();
        var now = clock.GetUtcNow();
        state.State = new DunningState
        {
            Case = dunningCase, Status = DunningStatus.Retrying, OpenedAt = now, RetryDays = [.. company?.RetryDays ?? RetrySchedule.Default],
            Attempts = [new DunningAttempt(1, now, Succeeded: false, ProviderError: null)],
        };
        state.State.NextRetryAt = RetryAt(0);
        await SaveAsync();
        await WakeAtAsync(state.State.NextRetryAt!.Value);
        await notices.AttemptFailedAsync(TenantId, Snapshot());
        return Snapshot();
    }

    public Task<DunningSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task ResolveAsync()
    {
        if (state.State.Case is null || state.State.Status == DunningStatus.Resolved) return;
        var resume = state.State.CollectionPaused;
        state.State.Status = DunningStatus.Resolved;
        state.State.NextRetryAt = null;
        state.State.ClosedAt = clock.GetUtcNow();
        state.State.CollectionPaused = false;
        await SaveAsync();
        await StopWakingAsync();
        await GrainFactory.GetGrain<IDispatchGrain>(TenantId).DismissAlertAsync(AlertId);
        if (resume) await retrier.PauseCollectionAsync(TenantId, state.State.Case, paused: false);
    }

    public async Task<DunningSnapshot> PauseAsync(string actor)
    {
        if (Snapshot().Status != DunningStatus.Retrying) throw new ConflictException($"The retries of {CaseId} are not running.");
        state.State.Status = DunningStatus.Paused;
        state.State.PausedBy = actor;
        await SaveAsync();
        await StopWakingAsync();
        return Snapshot();
    }

    public async Task<DunningSnapshot> ResumeAsync(string actor)
    {
        if (Snapshot().Status != DunningStatus.Paused) throw new ConflictException($"The retries of {CaseId} are not paused.");
        var now = clock.GetUtcNow();
        state.State.Status = DunningStatus.Retrying;
        state.State.PausedBy = null;
        if (state.State.NextRetryAt is not { } due || due < now) state.State.NextRetryAt = now;
        await SaveAsync();
        await WakeAtAsync(state.State.NextRetryAt.Value);
        return Snapshot();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (state.State.Status)
        {
            case DunningStatus.Retrying when state.State.Case is not null:
                if (state.State.NextRetryAt is { } due && clock.GetUtcNow() >= due) await RetryAsync(state.State.Case);
                break;
            case DunningStatus.GaveUp when !state.State.CollectionPaused:
                await PauseCollectionAsync(state.State.Case!);
                break;
            default:
                await StopWakingAsync(); // outlived its case (paused or resolved before the reminder was removed)
                break;
        }
    }

    private async Task RetryAsync(DunningCase dunningCase)
    {
        // Paid meanwhile another way (the portal's Pay button, the office by hand): never charge again. An autopay retry
        // asks for what is due now, which a partial payment may have lowered.
        var invoice = await GrainFactory.GetGrain<IInvoiceGrain>(TenantKeys.For(TenantId, dunningCase.InvoiceId)).GetAsync();
        if (invoice.Balance.Due <= 0)
        {
            await ResolveAsync();
            return;
        }

        if (dunningCase.Kind == DunningKind.Autopay) dunningCase = dunningCase with { Amount = invoice.Balance.Due };
        var number = state.State.Attempts.Count + 1;
        var outcome = await retrier.RetryAsync(TenantId, dunningCase, number);
        if (outcome.Kind == RetryOutcomeKind.Unavailable)
        {
            logger.LogWarning("Dunning {Tenant}/{Case}: the provider did not take attempt {Attempt}; trying again at the next check", TenantId, CaseId, number);
            return;
        }

        var now = clock.GetUtcNow();
        state.State.Attempts.Add(new DunningAttempt(number, now, outcome.Kind == RetryOutcomeKind.Paid, outcome.ProviderError));
        if (outcome.Kind == RetryOutcomeKind.Paid)
        {
            // The webhook of the payment ends the case too; ending it here spares a retry should that event be late.
            await SaveAsync();
            await ResolveAsync();
            return;
        }

        var retriesMade = number - 1;
        var gaveUp = retriesMade >= state.State.RetryDays.Count;
        state.State.NextRetryAt = gaveUp ? null : RetryAt(retriesMade);
        state.State.Status = gaveUp ? DunningStatus.GaveUp : DunningStatus.Retrying;
        if (gaveUp) state.State.ClosedAt = now;
        await SaveAsync();
        logger.LogInformation("Dunning {Tenant}/{Case}: attempt {Attempt} declined ({Code}){GaveUp}", TenantId, CaseId, number, outcome.ProviderError, gaveUp ? ", giving up" : "");

        var snapshot = Snapshot();
        await notices.AttemptFailedAsync(TenantId, snapshot);
        if (!gaveUp)
        {
            await WakeAtAsync(state.State.NextRetryAt!.Value);
            return;
        }

        await GrainFactory.GetGrain<IDispatchGrain>(TenantId).HoldAlertAsync(await notices.GaveUpAlertAsync(TenantId, snapshot, AlertId));
        await PauseCollectionAsync(dunningCase);
    }

    private async Task PauseCollectionAsync(DunningCase dunningCase)
    {
        try
        {
            await retrier.PauseCollectionAsync(TenantId, dunningCase, paused: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Dunning {Tenant}/{Case}: could not pause the plan's collection; trying again at the next check", TenantId, CaseId);
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.CheckPeriod, options.Value.CheckPeriod);
            return;
        }

        state.State.CollectionPaused = true;
        await SaveAsync();
        await StopWakingAsync();
    }

    private string AlertId => $"{AlertKind.PaymentFailed}:{CaseId}";

    /// <summary>The retry after <paramref name="retriesMade"/> retries: its day counted from the first failure.</summary>
    private DateTimeOffset RetryAt(int retriesMade) => state.State.OpenedAt.AddDays(state.State.RetryDays[retriesMade]);

    // Orleans reminders take a due time and a period (at least a minute): wake at the retry's time, then keep checking.
    private Task WakeAtAsync(DateTimeOffset at)
    {
        var due = at - clock.GetUtcNow();
        return this.RegisterOrUpdateReminder(ReminderName, due > TimeSpan.FromMinutes(1) ? due : TimeSpan.FromMinutes(1), options.Value.CheckPeriod);
    }

    private async Task StopWakingAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
    }

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDunningCasesGrain>(TenantId).RecordAsync(Snapshot());
    }

    private DunningSnapshot Snapshot()
    {
        var s = state.State;
        var dunningCase = s.Case ?? throw new NotFoundException($"No failed payment is being collected for {CaseId}.");
        return new DunningSnapshot(CaseId, dunningCase, s.Status, s.OpenedAt, [.. s.RetryDays], s.NextRetryAt, [.. s.Attempts], s.PausedBy, s.ClosedAt);
    }
}
