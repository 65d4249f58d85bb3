using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.Tracking;
using OrleansPortal.Grains.Persistence;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Notifications.Visits;

/// <summary>
/// Turns a ticket's changes and ETAs into queued messages. The messages are queued before the new state is stored, and
/// each has a delivery key, so a change handled twice (a crash between the two, a retry) queues nothing twice.
/// </summary>
[ImplicitStreamSubscription(DispatchStreams.EtaNamespace)]
public sealed class VisitNotificationsGrain(
    [PersistentState("visit-notifications")] IPersistentState<VisitNotificationsState> state,
    VisitMessageComposer composer,
    INotificationOutbox outbox,
    DomainClock clock,
    IOptions<NotificationLinkOptions> options,
    SurveyIssuer surveys,
    ILogger<VisitNotificationsGrain> logger) : Grain, IVisitNotificationsGrain
{
    private string TenantId => TenantKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string TicketId => TenantKeys.Split(this.GetPrimaryKeyString()).LocalId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await this.GetStreamProvider(DispatchStreams.ProviderName).GetStream<TicketEta>(DispatchStreams.EtaFor(TenantId, TicketId))
            .SubscribeAsync((eta, _) => OnEtaAsync(eta));
        await base.OnActivateAsync(cancellationToken);
    }

    public async Task ObserveAsync(TicketSnapshot ticket)
    {
        if (state.State.Seen is { } seen && ticket.Audit.Count <= seen.AuditCount) return; // an older state arriving late
        await this.RunAfterStoredAsync(logger, "queuing the visit's messages", () => HandleAsync(ticket));
    }

    private async Task HandleAsync(TicketSnapshot ticket)
    {
        var seen = state.State.Seen;
        if (seen is not null && ticket.Audit.Count <= seen.AuditCount) return; // handled meanwhile (a retry behind a newer change)
        var now = clock.GetUtcNow();
        if (VisitMoments.RemindersLapse(seen, ticket))
            await outbox.CancelQueuedAsync(TenantId, TicketId, NotificationTrigger.Reminder, "the window moved, or the visit will not happen", now);
        var moments = VisitMoments.Between(seen, ticket, now);
        await composer.QueueAsync(ticket, moments, await SettingOffEtaAsync(moments, now), new VisitLinks(await TrackingTokenForAsync(moments), await SurveyTokenForAsync(ticket, moments, now)));
        state.State.Seen = VisitSeen.Of(ticket);
        await state.WriteStateAsync();
    }

    private async Task OnEtaAsync(TicketEta eta)
    {
        var seen = state.State.Seen;
        if (seen is null || seen.TechnicianId != eta.TechnicianId) return;
        var moments = VisitMoments.FromEta(seen.Status, seen.Window, eta.Arriving, eta.MinutesLate, options.Value.DelayTolerance);
        if (moments.Count == 0) return;
        var ticket = await GrainFactory.GetGrain<ITicketGrain>(this.GetPrimaryKeyString()).GetAsync();
        var token = await TrackingTokenForAsync(moments);
        await state.WriteStateAsync();
        await composer.QueueAsync(ticket, moments, new VisitExtras(eta.Eta, eta.ComputedAt, eta.MinutesLate), new VisitLinks(token, state.State.SurveyToken));
    }

    /// <summary>
    /// For "on my way", the ETA dispatch has for the job as the technician sets off, so the message can say when to
    /// expect them; none when dispatch has no estimate yet (the templates then leave the time out).
    /// </summary>
    private async Task<VisitExtras?> SettingOffEtaAsync(IReadOnlyList<VisitMoment> moments, DateTimeOffset now)
    {
        if (!moments.Any(m => m.Trigger == NotificationTrigger.OnMyWay)) return null;
        var estimate = await GrainFactory.GetGrain<IDispatchGrain>(TenantId).GetEtaAsync(TicketId);
        return estimate is null ? null : new VisitExtras(estimate.Eta, now, estimate.MinutesLate);
    }

    /// <summary>
    /// The visit's survey link when the review request is among <paramref name="moments"/>: the survey is filed (once per
    /// visit, under the ticket's id) and a link issued the first time.
    /// </summary>
    private async Task<string?> SurveyTokenForAsync(TicketSnapshot ticket, IReadOnlyList<VisitMoment> moments, DateTimeOffset now)
    {
        if (!moments.Any(m => m.Trigger == NotificationTrigger.ReviewRequest)) return state.State.SurveyToken;
        return state.State.SurveyToken ??= await surveys.IssueCsatAsync(ticket, now);
    }

    /// <summary>The visit's tracking link when one of <paramref name="moments"/> carries it, issued the first time.</summary>
    private async Task<string?> TrackingTokenForAsync(IReadOnlyList<VisitMoment> moments)
    {
        if (!moments.Any(m => VisitMessageComposer.CarriesTracking(m.Trigger))) return state.State.TrackingToken;
        return state.State.TrackingToken ??= (await GrainFactory.GetGrain<ITicketTrackingLinksGrain>(this.GetPrimaryKeyString()).IssueAsync()).Token;
    }
}
