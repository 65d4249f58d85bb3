using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Tickets;

/// <summary>
/// Everything the office's job page shows, in one answer: the job with its audit trail, whose and where it is, the route
/// it is on, its report, its estimates and invoices, and its chat thread.
/// </summary>
/// <param name="Property">The job's site; null when the property no longer exists (tickets keep its address themselves).</param>
/// <param name="Route">Where the job sits on its technician's day; null when it is on no route (unassigned, closed, on hold).</param>
/// <param name="Estimates">The customer's estimates about this job, newest first.</param>
/// <param name="Invoices">The customer's invoices for this job, newest first.</param>
/// <param name="ThreadId">The job's own chat thread ("job:{ticketId}"), to read or write in even before it has a message.</param>
/// <param name="TimeZone">The company's IANA time zone, in which the page reads every time.</param>
public sealed record JobOverviewDto(
    TicketDto Ticket,
    JobCustomerDto Customer,
    PropertyDto? Property,
    string? TechnicianName,
    JobRouteDto? Route,
    JobReportDto Report,
    IReadOnlyList<EstimateDto> Estimates,
    IReadOnlyList<InvoiceDto> Invoices,
    string ThreadId,
    string TimeZone);

/// <param name="Name">Empty when the ticket names a customer that was never created (imported jobs).</param>
public sealed record JobCustomerDto(string Id, string Name);

/// <summary>The job's place on its technician's route for a day.</summary>
/// <param name="Position">1 for the day's first stop.</param>
/// <param name="Eta">The live estimate (today only); null when there is none yet.</param>
/// <param name="MinutesLate">How far the estimate falls after the arrival window; 0 when on time.</param>
public sealed record JobRouteDto(
    string TechnicianId, string TechnicianName, DateOnly Day, int Position, int Stops,
    DateTimeOffset PlannedArrival, DateTimeOffset PlannedDeparture, DateTimeOffset? Eta, double MinutesLate);
