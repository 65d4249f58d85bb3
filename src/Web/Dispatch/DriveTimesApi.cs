using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Routing.TravelModels;

namespace OrleansPortal.Web.Dispatch;

/// <summary>One drive of a technician's day: to a job, from the stop before it (or where the day starts).</summary>
/// <param name="FromDayStart">The drive started where the technician's day starts, not at a job.</param>
/// <param name="PlannedSeconds">The company's travel-time estimate, leaving when they set off; null when the day has no start place to measure the first drive from.</param>
/// <param name="ActualSeconds">From setting off (en route) to arriving (on site), by the ticket's history.</param>
public sealed record DriveLeg(
    string TicketId, string Description, bool FromDayStart, DateTimeOffset SetOffAt, DateTimeOffset ArrivedAt, double? PlannedSeconds, double ActualSeconds);

/// <param name="Learned">The planned times come from learned travel times (else free-flow speeds).</param>
public sealed record DriveTimes(string TechnicianId, DateOnly Day, string TimeZone, bool Learned, IReadOnlyList<DriveLeg> Legs, double PlannedSeconds, double ActualSeconds);

/// <summary>
/// Planned against actual drive times for a technician's day: for every job they drove to (en route, then on site, in
/// the ticket's history), what the company's travel times said the drive would take and what it took.
/// </summary>
public static class DriveTimesApi
{
    public static RouteGroupBuilder MapDriveTimes(this RouteGroupBuilder group)
    {
        group.MapGet("/technicians/{technicianId}/drive-times", GetAsync)
            .WithSummary("A technician's drives of a day (?day=yyyy-MM-dd, today by default): per job driven to, the planned time (the company's travel times from the stop before, leaving when they set off) and the actual one (en route to on site), with totals.");
        return group;
    }

    private static async Task<Results<Ok<DriveTimes>, NotFound, ValidationProblem>> GetAsync(
        string technicianId, string? day, ClaimsPrincipal user, IClusterClient grains, CompanyTravelModels travel)
    {
        if (!ResourceId.IsValid(technicianId)) return TypedResults.NotFound();
        if (!DispatchApi.TryParseDay(day, out var date)) return DispatchApi.DayProblem();
        var tenantId = user.GetTenantId();
        var dispatch = DispatchApi.Dispatch(grains, user);
        var technicianGrain = grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, technicianId));
        if (await technicianGrain.GetAsync().OrNullAsync() is not { } technician) return TypedResults.NotFound();

        var shown = date ?? await dispatch.GetTodayAsync();
        var zoneId = (await dispatch.GetSettingsAsync()).TimeZone;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (from, to) = (Availability.Instant(shown, TimeOnly.MinValue, zone), Availability.Instant(shown.AddDays(1), TimeOnly.MinValue, zone));
        var headedTo = await technicianGrain.GetJobsHeadedToAsync(from, to);
        var tickets = await Task.WhenAll(headedTo.Select(j => j.TicketId).Distinct().Select(id => grains.GetGrain<ITicketGrain>(TenantKeys.For(tenantId, id)).GetAsync()));

        var drives = tickets.SelectMany(t => Drives(t, technicianId, from, to)).OrderBy(d => d.SetOff).ToList();
        var service = travel.For(tenantId);
        var legs = new List<DriveLeg>(drives.Count);
        GeoPoint? previous = technician.Schedule.StartLocation;
        for (var i = 0; i < drives.Count; i++)
        {
            var (ticket, setOff, arrived) = drives[i];
            double? planned = previous is { } origin ? service.Estimate(origin, ticket.Details.Location, setOff).Seconds : null;
            legs.Add(new DriveLeg(ticket.TicketId, ticket.Details.Description, i == 0, setOff, arrived, planned, (arrived - setOff).TotalSeconds));
            previous = ticket.Details.Location;
        }
        return TypedResults.Ok(new DriveTimes(technicianId, shown, zoneId, travel.ModelFor(tenantId) is not null, legs,
            legs.Sum(l => l.PlannedSeconds ?? 0), legs.Sum(l => l.ActualSeconds)));
    }

    /// <summary>
    /// Each time the technician set off to the job within the day and then arrived: an en-route entry followed by an
    /// on-site one with no other step between (a drive turned back or handed on is not a drive to compare).
    /// </summary>
    private static IEnumerable<(TicketSnapshot Ticket, DateTimeOffset SetOff, DateTimeOffset Arrived)> Drives(TicketSnapshot ticket, string technicianId, DateTimeOffset from, DateTimeOffset to)
    {
        var audit = ticket.Audit;
        for (var i = 0; i + 1 < audit.Count; i++)
        {
            AuditEntry setOff = audit[i], next = audit[i + 1];
            if (setOff.To == TicketStatus.EnRoute && next.To == TicketStatus.OnSite && setOff.TechnicianId == technicianId && setOff.At >= from && setOff.At < to)
                yield return (ticket, setOff.At, next.At);
        }
    }
}
