using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Portal.Jobs;

/// <summary>
/// A job as its customer sees it: no audit actors, no internal reasons, the technician by first name only, and
/// whether it can still be moved or cancelled.
/// </summary>
/// <param name="Location">Where the work is (the customer's own address): the appointment page pins it beside the technician.</param>
public sealed record PortalJobDto(
    string Id,
    string Description,
    string PropertyId,
    string Address,
    GeoPoint Location,
    bool Emergency,
    string Status,
    string StatusLabel,
    TimeWindow? ArrivalWindow,
    DateTimeOffset? Eta,
    PortalTechnicianDto? Technician,
    IReadOnlyList<PortalStatusDto> Timeline,
    bool CanChange,
    DateTimeOffset? ChangeCutoff);

public sealed record PortalTechnicianDto(string FirstName, string? PhotoUrl);

public sealed record PortalStatusDto(DateTimeOffset At, string Status, string Label);

public static class PortalJobMapping
{
    public static string Label(TicketStatus status) => status switch
    {
        TicketStatus.New => "Requested",
        TicketStatus.Scheduled => "Scheduled",
        TicketStatus.Assigned => "Technician assigned",
        TicketStatus.EnRoute => "On the way",
        TicketStatus.OnSite => "Arrived",
        TicketStatus.Completed => "Done",
        TicketStatus.Cancelled => "Cancelled",
        _ => "On hold",
    };

    /// <summary>The latest moment a customer may still reschedule or cancel; null when the job has no window (then only its status decides).</summary>
    public static DateTimeOffset? Cutoff(TicketSnapshot t, BookingRules rules) => t.ArrivalWindow?.Start - TimeSpan.FromHours(rules.ChangeCutoffHours);

    public static bool CanChange(TicketSnapshot t, BookingRules rules, DateTimeOffset now) =>
        t.Status is TicketStatus.New or TicketStatus.Scheduled or TicketStatus.Assigned && (Cutoff(t, rules) is not { } cutoff || now < cutoff);

    public static async Task<PortalJobDto> ToDtoAsync(TicketSnapshot t, IClusterClient grains, BookingRules rules, DateTimeOffset now)
    {
        var visible = t.TechnicianId is not null && t.Status is TicketStatus.Assigned or TicketStatus.EnRoute or TicketStatus.OnSite or TicketStatus.Completed;
        PortalTechnicianDto? technician = null;
        if (visible)
        {
            var profile = (await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(t.TenantId, t.TechnicianId!)).GetAsync()).Profile;
            technician = new PortalTechnicianDto(profile.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? profile.Name, profile.PhotoUrl);
        }

        var eta = t.Status is TicketStatus.Assigned or TicketStatus.EnRoute ? (await grains.GetGrain<IDispatchGrain>(t.TenantId).GetEtaAsync(t.TicketId))?.Eta : null;
        // Status changes only (a pin is not news to a customer), and no reasons: they may be the team's internal words.
        var timeline = t.Audit.Where(a => a.From != a.To).Select(a => new PortalStatusDto(a.At, a.To.ToString(), Label(a.To))).ToList();
        return new PortalJobDto(
            t.TicketId, t.Details.Description, t.Details.PropertyId, t.Details.Address, t.Details.Location, t.Details.Priority == TicketPriority.Emergency,
            t.Status.ToString(), Label(t.Status), t.ArrivalWindow, eta, technician, timeline, CanChange(t, rules, now), Cutoff(t, rules));
    }
}
