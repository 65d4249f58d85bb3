using Orleans;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Grains.Dispatch;

/// <summary>
/// What a technician starting <paramref name="TicketId"/> now would do to the rest of their day. Starting the next job
/// in route order changes nothing (<paramref name="InOrder"/>); starting another one re-plans the route with it first
/// (<paramref name="NewOrder"/>), and <paramref name="LateJobs"/> are the jobs that would then arrive later past their
/// windows, even in the best order found for them.
/// </summary>
/// <param name="NextTicketId">The job the route has next; null when nothing is left to start or there is no route today.</param>
/// <param name="NewOrder">The technician's route (ticket ids) once the job is started; the current route when in order.</param>
[GenerateSerializer, Immutable, Alias("op.StartImpact")]
public sealed record StartImpact(string TicketId, bool InOrder, string? NextTicketId, IReadOnlyList<LateJob> LateJobs, IReadOnlyList<string> NewOrder);

/// <summary>A job that would arrive later past its window: by <see cref="AddedMinutes"/> more than now.</summary>
/// <param name="Arrival">When the technician would arrive with the job started now and the route re-planned.</param>
/// <param name="MinutesLateBefore">How late it is on the current plan (0 when on time).</param>
/// <param name="MinutesLate">How late it would be.</param>
[GenerateSerializer, Immutable, Alias("op.LateJob")]
public sealed record LateJob(string TicketId, string Description, string Address, TimeWindow? ArrivalWindow, DateTimeOffset Arrival, double MinutesLateBefore, double MinutesLate)
{
    public double AddedMinutes => Math.Round(MinutesLate - MinutesLateBefore, 1);
}

/// <summary>What came of a start: the ticket en route, or null when it was refused because it would make others late unconfirmed.</summary>
[GenerateSerializer, Immutable, Alias("op.JobStart")]
public sealed record JobStart(TicketSnapshot? Ticket, StartImpact Impact);
