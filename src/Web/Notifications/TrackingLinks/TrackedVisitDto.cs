using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Portal.Appointments;
using OrleansPortal.Web.Portal.Jobs;

namespace OrleansPortal.Web.Notifications.TrackingLinks;

/// <summary>
/// One visit as its tracking link shows it, to whoever holds the link: no address text, no description, no names but the
/// technician's first name, nothing of the customer's other jobs. <paramref name="Location"/> is where the technician is
/// heading (the map needs it); <paramref name="Position"/> is there only while the job is en route with its technician.
/// </summary>
/// <param name="TimeZone">The company's IANA time zone: the window reads as the company booked it.</param>
public sealed record TrackedVisitDto(
    string Status,
    string StatusLabel,
    TimeWindow? ArrivalWindow,
    DateTimeOffset? Eta,
    PortalTechnicianDto? Technician,
    GeoPoint Location,
    string CompanyName,
    string TimeZone,
    AppointmentPositionDto? Position)
{
    /// <summary>The visit now, position included (checked by <see cref="AppointmentFeed.CurrentPositionAsync"/>).</summary>
    public static async Task<TrackedVisitDto> LoadAsync(IClusterClient grains, AppointmentFeed feed, TicketSnapshot ticket, DateTimeOffset now)
    {
        var rules = await grains.GetGrain<IDispatchGrain>(ticket.TenantId).GetBookingRulesAsync();
        var job = await PortalJobMapping.ToDtoAsync(ticket, grains, rules, now);
        return await FromJobAsync(grains, ticket.TenantId, job, await feed.CurrentPositionAsync(ticket));
    }

    public static async Task<TrackedVisitDto> FromJobAsync(IClusterClient grains, string tenantId, PortalJobDto job, AppointmentPositionDto? position)
    {
        var company = await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync();
        var settings = await grains.GetGrain<IDispatchGrain>(tenantId).GetSettingsAsync();
        return new TrackedVisitDto(job.Status, job.StatusLabel, job.ArrivalWindow, job.Eta, job.Technician, job.Location, company?.Name ?? "", settings.TimeZone, position);
    }
}
