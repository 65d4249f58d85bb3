using OrleansPortal.Grains;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Chat;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Properties;

namespace OrleansPortal.Web.Customers;

/// <summary>
/// Everything the office's customer page shows, in one answer: the customer with its contacts and their roles, its
/// properties, its jobs, documents and chat threads.
/// </summary>
/// <param name="Upcoming">Open jobs: those with an arrival window by its start, then the others (new, on hold) oldest first.</param>
/// <param name="Recent">Completed and cancelled jobs, the last change first.</param>
/// <param name="Reports">Reports of the jobs above that have something to show (done, or with notes or photos).</param>
/// <param name="Conversations">Threads with messages, newest activity first.</param>
/// <param name="GeneralThreadId">The customer's general thread, to open or write in even before it has a message.</param>
public sealed record CustomerOverviewDto(
    CustomerDto Customer,
    IReadOnlyList<PropertyDto> Properties,
    IReadOnlyList<CustomerJobDto> Upcoming,
    IReadOnlyList<CustomerJobDto> Recent,
    IReadOnlyList<ReportSummaryDto> Reports,
    IReadOnlyList<EstimateDto> Estimates,
    IReadOnlyList<InvoiceDto> Invoices,
    IReadOnlyList<TeamThreadDto> Conversations,
    string GeneralThreadId);

/// <summary>A line of a customer's jobs: enough to list it and open it (<c>GET /api/v1/tickets/{id}</c> has the rest).</summary>
public sealed record CustomerJobDto(
    string Id,
    string PropertyId,
    string Description,
    string Address,
    GeoPoint Location,
    string Status,
    string Priority,
    TimeWindow? ArrivalWindow,
    string? TechnicianId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastChangedAt);

public static class CustomerJobDtoMapping
{
    public static CustomerJobDto AsCustomerJob(this TicketSnapshot t) => new(
        t.TicketId, t.Details.PropertyId, t.Details.Description, t.Details.Address, t.Details.Location, t.Status.ToString(),
        t.Details.Priority.ToString(), t.ArrivalWindow, t.TechnicianId, t.Audit[0].At, t.Audit[^1].At);
}
