using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Persistence;
using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>
/// The case's SLA: two clocks (first response, resolution) that follow the case's status, and an Orleans reminder for the
/// next moment one turns at risk or is breached, so the check happens though the grain is not active (reminders are
/// durable, timers are not). Reaching either moment raises the priority one step (once per target, never past Urgent),
/// writes it into the history as the SLA's change, and holds an alert for the dispatchers, the office role that
/// supervises the desk.
/// </summary>
public sealed partial class CaseGrain : IRemindable
{
    public const string SlaReminder = "sla";

    /// <summary>How often a reminder fires again if its tick could not move it on (a safety net; each tick re-registers it).</summary>
    private static readonly TimeSpan SlaReminderPeriod = TimeSpan.FromHours(1);

    /// <summary>The author of the SLA's own changes in the history.</summary>
    public static readonly MessageAuthor SlaAuthor = new(AuthorKind.Team, "SLA", null, null);

    private SlaPolicy? _policy;
    private BusinessCalendar? _calendar;
    private readonly List<string> _escalated = [];
    private DateTimeOffset? _scheduled;
    private bool _scheduleKnown;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != SlaReminder) return;
        _scheduleKnown = false; // whatever the tick finds, the reminder is registered again for the next check
        if (!Opened)
        {
            if (await this.GetReminder(SlaReminder) is { } stale) await this.UnregisterReminder(stale);
            return;
        }

        var now = clock.GetUtcNow();
        if (CheckSla(state.State, now))
        {
            state.State.UpdatedAt = now;
            await StoreAsync();
        }
        else await ScheduleSlaAsync();
    }

    public async Task<CaseSnapshot> RefreshSlaAsync(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        EnsureOpened();
        (_policy, _calendar) = (policy, policy.Calendar());
        var s = state.State;
        if (s.Status == CaseStatus.Closed) return Snapshot(ConversationReader.Team);
        var now = clock.GetUtcNow();
        Retarget(s, now);
        // Only an escalation is news in the queue's order; new due times alone leave the case where it was.
        if (CheckSla(s, now)) s.UpdatedAt = now;
        await StoreAsync();
        return Snapshot(ConversationReader.Team);
    }

    private async Task<BusinessCalendar> CalendarAsync()
    {
        _policy ??= await GrainFactory.GetGrain<ISupportSlaGrain>(Key.TenantId).GetPolicyAsync();
        return _calendar ??= _policy.Calendar();
    }

    /// <summary>A new case's targets, from its priority; its clocks start.</summary>
    private async Task StartSlaAsync(CaseState s, DateTimeOffset now)
    {
        var calendar = await CalendarAsync();
        var target = _policy!.Settings.TargetFor(s.Priority);
        s.Sla.FirstResponse.TargetMinutes = target?.FirstResponseMinutes;
        s.Sla.Resolution.TargetMinutes = target?.ResolutionMinutes;
        FollowStatus(s, calendar, now);
    }

    /// <summary>
    /// After a change of the team's or the customer's: what was reached up to now counts first (an answer after the due
    /// time is a breach), then the clocks follow the status. A first answer stops the first-response clock; waiting on the
    /// customer pauses the resolution clock, resolving stops it, opening again resumes it.
    /// </summary>
    private async Task FollowSlaAsync(CaseState s, DateTimeOffset now, bool priorityChanged)
    {
        var calendar = await CalendarAsync();
        CheckSla(s, now);
        if (priorityChanged) Retarget(s, now);
        FollowStatus(s, calendar, now);
    }

    private static void FollowStatus(CaseState s, BusinessCalendar calendar, DateTimeOffset now)
    {
        var (first, resolution) = (s.Sla.FirstResponse, s.Sla.Resolution);
        if (!first.Stopped)
        {
            // Resolved or closed without a written answer: nothing is left to answer.
            if (s.FirstResponseAt is not null || s.Status is CaseStatus.Resolved or CaseStatus.Closed) first.Stop(calendar, now);
            else first.Run(calendar, now);
        }

        switch (s.Status)
        {
            case CaseStatus.New or CaseStatus.Open: resolution.Run(calendar, now); break;
            case CaseStatus.WaitingOnCustomer: resolution.Pause(calendar, now); break;
            default: resolution.Stop(calendar, now); break;
        }
    }

    /// <summary>The targets of the case's priority now (the team changed it, or the company its settings). A clock that stopped keeps its own.</summary>
    private void Retarget(CaseState s, DateTimeOffset now)
    {
        var target = _policy!.Settings.TargetFor(s.Priority);
        if (!s.Sla.FirstResponse.Stopped) s.Sla.FirstResponse.Retarget(target?.FirstResponseMinutes, _calendar!, now);
        if (!s.Sla.Resolution.Stopped) s.Sla.Resolution.Retarget(target?.ResolutionMinutes, _calendar!, now);
    }

    /// <summary>
    /// Notes what <paramref name="now"/> reached on each clock, escalating once per target. The raised priority does not
    /// move the due times: they are what the company committed to when the case came in, and a shorter target would make
    /// it breached at once.
    /// </summary>
    private bool CheckSla(CaseState s, DateTimeOffset now)
    {
        var changed = false;
        foreach (var (name, clock) in new[] { ("firstResponse", s.Sla.FirstResponse), ("resolution", s.Sla.Resolution) })
        {
            if (clock.Check(now) is not { } reached) continue;
            s.Entries.Add(Change(SlaAuthor, now, "sla", name, reached.ToString()));
            var raised = "";
            if (!clock.Escalated)
            {
                clock.Escalated = true;
                if (s.Priority < CasePriority.Urgent)
                {
                    var to = s.Priority + 1;
                    s.Entries.Add(Change(SlaAuthor, now, "priority", s.Priority.ToString(), to.ToString()));
                    s.Priority = to;
                    raised = $"; priority raised to {to}";
                }
            }

            _escalated.Add($"{(name == "firstResponse" ? "First response" : "Resolution")} {(reached == SlaState.Breached ? "overdue" : "at risk")}{raised}");
            changed = true;
        }

        return changed;
    }

    /// <summary>After a stored change: the reminder moves to the next check, and what escalated is told to the dispatchers.</summary>
    private async Task AfterSlaStoredAsync()
    {
        await this.RunAfterStoredAsync(logger, "scheduling the SLA reminder", ScheduleSlaAsync);
        if (_escalated.Count == 0) return;
        var s = state.State;
        var (tenantId, caseId) = Key;
        var alert = new DispatchAlert($"CaseEscalated:{caseId}", AlertKind.CaseEscalated,
            $"Case {CaseNumbers.Display(s.Number)} \"{s.Subject}\": {string.Join(". ", _escalated)}.", clock.GetUtcNow(), null, null,
            CustomerId: s.CustomerId, CaseId: caseId);
        _escalated.Clear();
        await this.RunAfterStoredAsync(logger, "telling the dispatchers of an SLA escalation", () => GrainFactory.GetGrain<IDispatchGrain>(tenantId).HoldAlertAsync(alert));
    }

    private async Task ScheduleSlaAsync()
    {
        var next = state.State.Sla.NextCheck;
        if (_scheduleKnown && next == _scheduled) return;
        if (next is { } at)
        {
            var due = at - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(SlaReminder, due > TimeSpan.FromSeconds(1) ? due : TimeSpan.FromSeconds(1), SlaReminderPeriod);
        }
        else if (await this.GetReminder(SlaReminder) is { } reminder) await this.UnregisterReminder(reminder);
        (_scheduled, _scheduleKnown) = (next, true);
    }

    /// <summary>When the customer may expect an answer: while the first-response target is kept (never a breach, never the escalation).</summary>
    private static DateTimeOffset? ExpectedResponseBy(CaseState s) =>
        s.Sla.FirstResponse is { Running: true, Breached: false, Due: { } due } ? due : null;
}
