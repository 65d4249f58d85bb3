using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Tickets;

/// <summary>One stop of a technician's day as their phone shows it.</summary>
/// <param name="Eta">The route's live estimate of arrival; null until the route has computed one.</param>
/// <param name="MinutesLate">How far <paramref name="Eta"/> falls after the arrival window; 0 when on time.</param>
/// <param name="AllowedStatuses">Which of the technician's own steps (EnRoute, OnSite by check-in, Completed) the lifecycle allows now.</param>
/// <param name="Customer">Who the job is for and whom to call there; null when the customer could not be read.</param>
/// <param name="Property">The site: its name, address and access notes (gate code, key safe, the dog); null when it could not be read.</param>
/// <param name="Photos">The job report's photos in the order they were added, with addresses an img element loads without the token.</param>
public sealed record DeviceJobDto(
    string TicketId,
    string Description,
    string Address,
    GeoPoint Location,
    TimeWindow? ArrivalWindow,
    string Status,
    DateTimeOffset PlannedArrival,
    DateTimeOffset? Eta,
    double MinutesLate,
    double EstimatedMinutes,
    string Priority,
    IReadOnlyList<string> AllowedStatuses,
    DeviceCustomerDto? Customer,
    DevicePropertyDto? Property,
    IReadOnlyList<DevicePhotoDto> Photos);

/// <param name="ContactName">The contact to call: the property's manager, else the owner, else another contact with a phone.</param>
public sealed record DeviceCustomerDto(string Name, string? ContactName, string? Phone);

public sealed record DevicePropertyDto(string Name, string Address, string AccessNotes);

/// <param name="ThumbnailUrl">A small copy (320 px on its longer side) for the list.</param>
/// <param name="Url">The whole photo.</param>
public sealed record DevicePhotoDto(string Id, DateTimeOffset At, string? Caption, string ThumbnailUrl, string Url);

public static class DeviceJobDtoMapping
{
    /// <summary>The steps a technician takes themselves; everything else (assigning, holding, cancelling) is the dispatcher's.</summary>
    private static readonly TicketStatus[] TechnicianSteps = [TicketStatus.EnRoute, TicketStatus.OnSite, TicketStatus.Completed];

    /// <summary>The ticket is the truth for status and details; the route only adds order and times, and may lag a status change.</summary>
    public static DeviceJobDto AsDeviceJob(this TicketSnapshot ticket, PlannedStop stop, StopEstimate? estimate, DeviceJobCard card) => new(
        ticket.TicketId, ticket.Details.Description, ticket.Details.Address, ticket.Details.Location, ticket.ArrivalWindow,
        ticket.Status.ToString(), stop.PlannedArrival, estimate?.Eta, estimate?.MinutesLate ?? 0,
        ticket.Details.EstimatedDuration.TotalMinutes, ticket.Details.Priority.ToString(),
        [.. TechnicianSteps.Where(s => TicketLifecycle.CanMove(ticket.Status, s, heldFrom: null)).Select(s => s.ToString())],
        card.Customer, card.Property, card.Photos);
}
