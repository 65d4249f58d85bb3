using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>
/// Generation runs in the reminder tick, right after creation, and on request, always inside one turn of this
/// (non-reentrant) grain, so two generations never interleave. A crash between creating a ticket and writing the
/// state is safe: the next generation addresses the same ticket id, gets <see cref="ConflictException"/> and records it.
/// </summary>
public sealed class RecurringJobGrain(
    [PersistentState("recurringJob")] IPersistentState<RecurringJobState> state,
    IOptions<RecurringJobOptions> options,
    IRecurringJobIndex index,
    DomainClock clock,
    ILogger<RecurringJobGrain> logger) : Grain, IRecurringJobGrain
{
    public const string ReminderName = "generate";

    public const string CancelReason = "The recurring job was stopped.";

    private const int UpcomingShown = 5;

    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string SeriesId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    private string Actor => $"recurring:{SeriesId}";

    public async Task<RecurringJobSnapshot> CreateAsync(RecurringJob job, string actor)
    {
        if (state.State.Job is not null) throw new ConflictException($"Recurring job {SeriesId} already exists.");
        if (job.Rule.Problems() is [var (field, message), ..]) throw new ArgumentException($"Invalid recurrence rule ({field}): {message}", nameof(job));
        if (job.Template.ArrivalWindow is not null) throw new ArgumentException("A series' template has no arrival window: each occurrence sets its own.", nameof(job));

        // Indexed first: an id in the index whose series was never written is skipped by readers, whereas a written
        // series missing from the index would generate tickets no dispatcher could find in the list.
        var now = clock.GetUtcNow();
        await index.AddAsync(TenantId, SeriesId, now);
        state.State.Job = job;
        state.State.CreatedAt = now;
        state.State.CreatedBy = actor;
        await state.WriteStateAsync();
        var period = options.Value.GenerationPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        await GenerateDueAsync();
        return Snapshot();
    }

    public Task<RecurringJobSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<RecurringJobSnapshot> GenerateAsync()
    {
        EnsureExists();
        await GenerateDueAsync();
        return Snapshot();
    }

    public async Task<RecurringJobSnapshot> StopAsync(string actor)
    {
        EnsureExists();
        if (state.State.StoppedAt is null)
        {
            state.State.StoppedAt = clock.GetUtcNow();
            state.State.StoppedBy = actor;
            await state.WriteStateAsync();
        }

        if (await this.GetReminder(ReminderName) is { } reminder) await this.UnregisterReminder(reminder);
        await CancelUnassignedFutureTicketsAsync(actor);
        return Snapshot();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Job is null || state.State.StoppedAt is not null)
        {
            // A tick that outlived its series (stopped before the reminder was removed, say) has nothing left to do.
            if (await this.GetReminder(reminderName) is { } stale) await this.UnregisterReminder(stale);
            return;
        }

        await GenerateDueAsync();
    }

    private async Task GenerateDueAsync()
    {
        if (state.State.StoppedAt is not null) return;
        var now = clock.GetUtcNow();
        var added = false;
        foreach (var occurrence in state.State.Job!.Rule.Occurrences(now, now + options.Value.Horizon))
        {
            if (state.State.Generated.Any(g => g.Date == occurrence.Date)) continue;
            var ticketId = OccurrenceTicketId.For(SeriesId, occurrence.Date);
            try
            {
                await Ticket(ticketId).CreateAsync(state.State.Job.Template with { ArrivalWindow = occurrence.Window }, Actor);
            }
            catch (ConflictException)
            {
                // Created by an earlier attempt that did not live to record it: it is this occurrence's ticket.
                logger.LogInformation("Recurring job {SeriesId}: ticket {TicketId} of {Date} already existed and is recorded as generated", SeriesId, ticketId, occurrence.Date);
            }

            state.State.Generated.Add(new GeneratedOccurrence(occurrence.Date, ticketId, occurrence.Window));
            added = true;
        }

        if (added) await state.WriteStateAsync();
    }

    // Only tickets nobody has acted on: an assigned or started visit is a dispatcher's decision, so it stays for them to cancel.
    private async Task CancelUnassignedFutureTicketsAsync(string actor)
    {
        var now = clock.GetUtcNow();
        foreach (var generated in state.State.Generated.Where(g => g.ArrivalWindow.Start > now))
        {
            var ticket = Ticket(generated.TicketId);
            if ((await ticket.GetAsync()).Status == TicketStatus.Scheduled)
                await ticket.ChangeStatusAsync(new StatusChange(TicketStatus.Cancelled, actor, CancelReason));
        }
    }

    private ITicketGrain Ticket(string ticketId) => GrainFactory.GetGrain<ITicketGrain>(TenantKeys.For(TenantId, ticketId));

    private void EnsureExists()
    {
        if (state.State.Job is null) throw new NotFoundException($"Recurring job {SeriesId} does not exist.");
    }

    private RecurringJobSnapshot Snapshot()
    {
        EnsureExists();
        var s = state.State;
        var now = clock.GetUtcNow();
        IReadOnlyList<RecurrenceOccurrence> upcoming = s.StoppedAt is null ? [.. s.Job!.Rule.Occurrences(now, now.AddYears(2)).Take(UpcomingShown)] : [];
        return new RecurringJobSnapshot(TenantId, SeriesId, s.Job!, s.CreatedAt, s.CreatedBy, s.StoppedAt, s.StoppedBy, [.. s.Generated], upcoming);
    }
}
