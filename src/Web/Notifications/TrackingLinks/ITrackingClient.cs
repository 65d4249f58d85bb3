using OrleansPortal.Web.Portal.Appointments;

namespace OrleansPortal.Web.Notifications.TrackingLinks;

/// <summary>What a tracking page receives live: the same moments as the portal's appointment page, and the end of its link.</summary>
public interface ITrackingClient
{
    Task Status(TrackedVisitDto visit);

    Task Eta(AppointmentEtaDto eta);

    Task TechnicianPosition(AppointmentPositionDto position);

    Task TechnicianHidden(string ticketId);

    /// <summary>The link was revoked or expired: nothing more will come, and the page says so.</summary>
    Task LinkEnded();
}
