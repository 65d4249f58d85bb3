using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Portal.Jobs;

namespace OrleansPortal.Web.Portal.Appointments;

/// <summary>
/// Who hears what <see cref="AppointmentFeed"/> decides to send about a followed job: the portal's appointment page, the
/// tracking-link page. The feed alone applies the privacy rule (a position only while en route with that technician);
/// an audience only chooses its own wire format and connections.
/// </summary>
public interface IAppointmentAudience
{
    Task StatusAsync(TicketSnapshot ticket, PortalJobDto job);

    Task EtaAsync(string tenantId, AppointmentEtaDto eta);

    Task PositionAsync(string tenantId, AppointmentPositionDto position);

    Task HiddenAsync(string tenantId, string ticketId);
}
