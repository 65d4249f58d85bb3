using Orleans;
using Orleans.Concurrency;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// A company's dispatcher, keyed by tenant id. It holds the company's day in memory (technicians, their positions
/// from the location stream, open jobs from the ticket stream, routes), inserts each new job where it costs least,
/// re-plans on demand ("optimize the day") and on cancellations, delays and emergencies, and keeps one
/// <see cref="Routes.IRouteGrain"/> per technician and day up to date.
/// </summary>
[Alias("op.IDispatchGrain")]
public interface IDispatchGrain : IGrainWithStringKey
{
    /// <summary>The board of one day (today in the company's time zone when null).</summary>
    Task<DayBoard> GetBoardAsync(DateOnly? day);

    /// <summary>
    /// The plan from <paramref name="from"/> to <paramref name="to"/> (dates in the company's zone, both included, at most
    /// <see cref="PlanningCalendar.MaxDays"/> days): each technician's shifts, booked minutes and jobs per day, and the
    /// span's unassigned jobs. One call for the whole span; <see cref="ArgumentOutOfRangeException"/> for a longer or reversed one.
    /// </summary>
    Task<PlanningCalendar> GetCalendarAsync(DateOnly from, DateOnly to);

    /// <summary>
    /// A dispatcher puts a job on a technician's route, at <paramref name="at"/> or where it costs least, and pins it there.
    /// Throws <see cref="AssignmentRefusedException"/> with the reason when it cannot work (skills, shift, window).
    /// </summary>
    Task<DayBoard> AssignAsync(DateOnly day, string ticketId, string technicianId, DateTimeOffset? at, string actor);

    /// <summary>
    /// Which technicians could take the job on <paramref name="day"/>, and every reason each other one cannot, by the
    /// checks <see cref="AssignAsync"/> refuses with (the job placed where it costs least). Changes nothing.
    /// <see cref="NotFoundException"/> when the company has no such open job.
    /// </summary>
    Task<JobCandidates> CandidatesAsync(DateOnly day, string ticketId);

    /// <summary>Takes a job off its route back to the unassigned tray (it stays there until assigned or optimized).</summary>
    Task<DayBoard> UnassignAsync(string ticketId, string actor);

    /// <summary>
    /// Re-plans the whole day within <paramref name="budget"/>, keeping jobs in progress and pinned; adopts the new plan
    /// at once, only when it is clearly better. Dispatch's own re-plans use it; for a dispatcher it is the page's old
    /// "optimize the day", kept until the page previews proposals (<see cref="ProposeDayAsync"/>).
    /// </summary>
    Task<OptimizationReport> OptimizeDayAsync(DateOnly? day, TimeSpan budget, string actor);

    /// <summary>
    /// Re-plans the whole day within <paramref name="budget"/> as <see cref="OptimizeDayAsync"/> does (progress on the
    /// board stream), keeping jobs in progress and pinned, and offers the plan as a proposal: no ticket and no route
    /// changes. It replaces any pending proposal for the same day.
    /// </summary>
    Task<PlanProposal> ProposeDayAsync(DateOnly? day, TimeSpan budget, string actor);

    /// <summary>A pending proposal, and whether the board changed since; <see cref="NotFoundException"/> once it was applied, discarded, replaced or expired.</summary>
    Task<PlanProposal> GetProposalAsync(string proposalId);

    /// <summary>
    /// Adopts a pending proposal: its assignments and route order, durably, and it becomes the plan that
    /// <see cref="UndoLastPlanAsync"/> undoes. Changes since the proposal that do not touch its moves are kept (a new job
    /// stays with its technician, a closed one drops out); one that does (a moved job reassigned, started, pinned, closed
    /// or rescheduled, a technician no longer available) refuses it with <see cref="ProposalConflictException"/> and
    /// changes nothing. <see cref="ConflictException"/> when the day is over.
    /// </summary>
    Task<AppliedPlan> ApplyProposalAsync(string proposalId, string actor);

    /// <summary>Drops a pending proposal; <see cref="NotFoundException"/> when there is none by that id.</summary>
    Task DiscardProposalAsync(string proposalId);

    /// <summary>The last plan a dispatcher applied that can still be undone, or null.</summary>
    [ReadOnly]
    Task<AppliedPlan?> GetLastAppliedPlanAsync();

    /// <summary>
    /// Gives the jobs the last applied plan moved back to the technician (or tray) they had, and restores the routes'
    /// order before it, durably. Jobs started since stay with the technician doing them, and jobs a dispatcher moved or
    /// pinned since stay where they were put; the report lists them. <see cref="NotFoundException"/> when there is no plan
    /// to undo, <see cref="ConflictException"/> when its day is over.
    /// </summary>
    Task<UndoReport> UndoLastPlanAsync(string actor);

    [ReadOnly]
    Task<IReadOnlyList<DispatchAlert>> GetAlertsAsync();

    /// <summary>
    /// Shows an alert that nothing on the board would raise (a payment given up) until <see cref="DismissAlertAsync"/>;
    /// the same id again replaces it. Stored, so it survives a restart.
    /// </summary>
    Task HoldAlertAsync(DispatchAlert alert);

    /// <summary>Takes a held alert down; false when there is no held alert by that id (the board's own alerts come and go by themselves).</summary>
    Task<bool> DismissAlertAsync(string alertId);

    /// <summary>
    /// What the technician starting the job now (on the way to it) would do to their other jobs today: nothing when it
    /// is the next one on their route; otherwise the jobs it would make late, with the route re-planned as
    /// <see cref="StartJobAsync"/> would re-plan it. Changes nothing.
    /// </summary>
    Task<StartImpact> PreviewStartAsync(string technicianId, string ticketId);

    /// <summary>
    /// The technician sets off to the job (en route). Out of route order, the start is refused (a null ticket, with the
    /// impact) when it would make other jobs late and <paramref name="confirmed"/> is false; otherwise the ticket goes en
    /// route and today's route is re-planned with the job first and the rest reordered to keep their windows best. The
    /// re-plan follows the stored status change: if it fails it is retried, and the answer is still the started ticket.
    /// </summary>
    Task<JobStart> StartJobAsync(string technicianId, string ticketId, bool confirmed, string actor, string? note);

    /// <summary>The live estimate for a job on today's routes, or null when there is none.</summary>
    [ReadOnly]
    Task<Routes.StopEstimate?> GetEtaAsync(string ticketId);

    /// <summary>The booking windows of the coming days, each available only if a qualified technician can really take the job then.</summary>
    Task<IReadOnlyList<WindowOffer>> OfferWindowsAsync(BookingQuery query);

    [ReadOnly]
    Task<BookingRules> GetBookingRulesAsync();

    Task<BookingRules> SetBookingRulesAsync(BookingRules rules);

    /// <summary>Today's date in the company's time zone: the day of the routes technicians are working now.</summary>
    [ReadOnly]
    Task<DateOnly> GetTodayAsync();

    /// <summary>The company's time zone and whether dispatch assigns new jobs by itself.</summary>
    [ReadOnly]
    Task<DispatchSettings> GetSettingsAsync();

    /// <summary>Changes the settings given (null leaves one as it is) and returns them all.</summary>
    Task<DispatchSettings> UpdateSettingsAsync(string? timeZone, bool? autoAssign);

    /// <summary>
    /// A route's estimates after a position moved them (routes follow their technician's location stream). Interleaves
    /// and only records, so a route calling it never waits on dispatch, which may be calling that route at the time.
    /// </summary>
    [AlwaysInterleave]
    Task RouteProgressAsync(Routes.RouteView view);

    /// <summary>
    /// A technician's profile or schedule changed; the next plan reads it again. One-way, like
    /// <see cref="TicketChangedAsync"/>: the technician's change is already stored and never waits on dispatch.
    /// </summary>
    [AlwaysInterleave, OneWay]
    Task TechnicianChangedAsync(string technicianId);

    /// <summary>
    /// A ticket was created or changed: what a dispatcher asks next (the board, an optimization, a booking's offer, an
    /// assignment) reads it first, even if its event on the ticket stream has not arrived yet. Interleaves and only
    /// records the id, so a ticket calling it from inside a change that dispatch started never waits on dispatch.
    /// <para>
    /// One-way as well: the ticket sends it after its change is stored and does not wait for an answer. Waiting
    /// deadlocked whenever dispatch was activating at that moment (after a failed write replaced it, or after it was
    /// idle): its activation reads every open ticket, including the one waiting for it, and an interleaving method does
    /// not run before activation ends. The ticket's caller then got an error after 30 s for a change that was stored.
    /// </para>
    /// </summary>
    [AlwaysInterleave, OneWay]
    Task TicketChangedAsync(string ticketId);
}

/// <param name="TimeZone">The company's IANA time zone, which decides what "today" and "a day" mean.</param>
/// <param name="AutoAssign">New jobs go straight onto the cheapest route, and freed time is refilled; off, dispatchers assign by hand (optimize still works).</param>
[GenerateSerializer, Immutable, Alias("op.DispatchSettings")]
public sealed record DispatchSettings(string TimeZone, bool AutoAssign);

/// <summary>A manual assignment that cannot work; the message says why. The web edge answers 409.</summary>
[GenerateSerializer, Alias("op.AssignmentRefusedException")]
public sealed class AssignmentRefusedException(string message) : Exception(message);
