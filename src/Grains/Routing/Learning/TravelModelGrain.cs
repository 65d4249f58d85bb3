using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;
using OrleansPortal.Grains.Dispatch;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// Keeps the nightly reminder and, when it fires, asks the host to retrain (the company's zone read from its dispatch
/// settings at that moment, so a changed zone is honoured). The reminder's period is a day from its first run: across a
/// daylight-saving change the run drifts by an hour until the next <see cref="EnsureScheduledAsync"/> re-anchors it.
/// Hosts without a trainer (tests of other features) keep the schedule and do nothing when it fires.
/// Reentrant: it holds no state of its own, and its calls to the dispatch grain may activate that grain, whose
/// activation calls back here (<see cref="EnsureScheduledAsync"/>); a non-reentrant grain would wait for itself.
/// </summary>
[Reentrant]
public sealed class TravelModelGrain(DomainClock clock, ILogger<TravelModelGrain> log, ICompanyModelTrainer? trainer = null) : Grain, ITravelModelGrain
{
    private string TenantId => this.GetPrimaryKeyString();

    public async Task EnsureScheduledAsync(string timeZoneId)
    {
        if (await this.GetReminder(TravelModelSchedule.ReminderName) is not null) return;
        var next = TravelModelSchedule.NextRun(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
        await this.RegisterOrUpdateReminder(TravelModelSchedule.ReminderName, next - clock.GetUtcNow(), TravelModelSchedule.Period);
    }

    public async Task<DateTimeOffset?> NextRunAsync()
    {
        // The dispatch grain first: its activation is what makes sure of the schedule.
        var settings = await GrainFactory.GetGrain<IDispatchGrain>(TenantId).GetSettingsAsync();
        if (await this.GetReminder(TravelModelSchedule.ReminderName) is null) return null;
        return TravelModelSchedule.NextRun(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != TravelModelSchedule.ReminderName) return;
        if (trainer is null)
        {
            log.LogInformation("Nightly travel-time retraining for {Tenant} is due, but this host trains nothing.", TenantId);
            return;
        }
        var settings = await GrainFactory.GetGrain<IDispatchGrain>(TenantId).GetSettingsAsync();
        trainer.Start(TenantId, settings.TimeZone);
    }
}
