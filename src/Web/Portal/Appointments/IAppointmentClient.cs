using OrleansPortal.Web.Portal.Jobs;

namespace OrleansPortal.Web.Portal.Appointments;

/// <summary>
/// What a customer's appointment page receives live: status changes, ETA changes, and the technician's position
/// only while they are on the way to this job (then <see cref="TechnicianHidden"/> as soon as they are not).
/// </summary>
public interface IAppointmentClient
{
    Task Status(PortalJobDto job);

    Task Eta(AppointmentEtaDto eta);

    Task TechnicianPosition(AppointmentPositionDto position);

    Task TechnicianHidden(string ticketId);
}

public sealed record AppointmentEtaDto(string TicketId, DateTimeOffset Eta, double MinutesLate);

/// <summary>The technician's current position; the page keeps only the latest, and there is no history to ask for.</summary>
public sealed record AppointmentPositionDto(string TicketId, double Lat, double Lon, double? Heading, DateTimeOffset Time);
