using Microsoft.AspNetCore.SignalR;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Portal.Jobs;

namespace OrleansPortal.Web.Portal.Appointments;

/// <summary>The signed-in customers following a job on <see cref="AppointmentHub"/>: one group per tenant and ticket.</summary>
public sealed class PortalAppointmentAudience(IHubContext<AppointmentHub, IAppointmentClient> hub) : IAppointmentAudience
{
    public static string GroupFor(string tenantId, string ticketId) => $"appointment:{tenantId}:{ticketId}";

    public Task StatusAsync(TicketSnapshot ticket, PortalJobDto job) => Group(ticket.TenantId, ticket.TicketId).Status(job);

    public Task EtaAsync(string tenantId, AppointmentEtaDto eta) => Group(tenantId, eta.TicketId).Eta(eta);

    public Task PositionAsync(string tenantId, AppointmentPositionDto position) => Group(tenantId, position.TicketId).TechnicianPosition(position);

    public Task HiddenAsync(string tenantId, string ticketId) => Group(tenantId, ticketId).TechnicianHidden(ticketId);

    private IAppointmentClient Group(string tenantId, string ticketId) => hub.Clients.Group(GroupFor(tenantId, ticketId));
}
