using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Tickets;

/// <summary>What setting off to a job now would do to the technician's other jobs today.</summary>
/// <param name="InOrder">It is the next job (or on no route): nothing changes.</param>
/// <param name="ConfirmationRequired">Other jobs would be late: POST .../status needs confirmOutOfOrder: true, and answers 409 without it.</param>
/// <param name="NextTicketId">The job the route has next.</param>
/// <param name="LateJobs">The jobs that would arrive later past their windows, even in the re-planned order.</param>
/// <param name="NewOrder">The route (ticket ids) once the job is started: the job first after any job on site, the rest re-planned.</param>
public sealed record StartImpactDto(string TicketId, bool InOrder, bool ConfirmationRequired, string? NextTicketId, IReadOnlyList<LateJobDto> LateJobs, IReadOnlyList<string> NewOrder);

/// <param name="Arrival">When the technician would get there.</param>
/// <param name="MinutesLateBefore">How late it is on the current plan.</param>
/// <param name="MinutesLate">How late it would be.</param>
/// <param name="AddedMinutes">The difference: what starting the other job now costs this one.</param>
public sealed record LateJobDto(
    string TicketId, string Description, string Address, TimeWindow? ArrivalWindow, DateTimeOffset Arrival, double MinutesLateBefore, double MinutesLate, double AddedMinutes);

public static class StartImpactDtoMapping
{
    public static StartImpactDto AsDto(this StartImpact impact) => new(
        impact.TicketId, impact.InOrder, impact.LateJobs.Count > 0, impact.NextTicketId,
        [.. impact.LateJobs.Select(j => new LateJobDto(j.TicketId, j.Description, j.Address, j.ArrivalWindow, j.Arrival, j.MinutesLateBefore, j.MinutesLate, j.AddedMinutes))],
        impact.NewOrder);
}
