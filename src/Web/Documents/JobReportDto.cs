using OrleansPortal.Web.Portal.Jobs;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.Documents;

/// <summary>A job's report: what was done (notes, photos) and when the technician was there, from the ticket's audit trail.</summary>
public sealed record JobReportDto(
    string TicketId,
    string Description,
    string Address,
    string Status,
    DateTimeOffset? Arrived,
    DateTimeOffset? Departed,
    double? MinutesOnSite,
    IReadOnlyList<ReportNoteDto> Notes,
    IReadOnlyList<ReportPhotoDto> Photos);

/// <param name="Author">"Technician", "Customer" or "Office" for customers; the audit actor for dispatchers.</param>
public sealed record ReportNoteDto(DateTimeOffset At, string Author, string Text);

/// <param name="Url">Where this audience fetches the photo.</param>
public sealed record ReportPhotoDto(string Id, DateTimeOffset At, string Author, string ContentType, long Length, string? Caption, string Url);

/// <summary>A line of the portal's document list.</summary>
public sealed record ReportSummaryDto(string TicketId, string Description, string Status, DateTimeOffset? Arrived, DateTimeOffset? Departed, int Notes, int Photos);

public static class JobReportDtoMapping
{
    /// <param name="photoUrl">The photo's address for this audience, from its id.</param>
    /// <param name="internalView">Dispatchers see who wrote what; customers see only whether it was the technician or the office.</param>
    public static JobReportDto AsDto(this JobReport report, TicketSnapshot ticket, Func<string, string> photoUrl, bool internalView)
    {
        var onSite = TimeOnSite.From(ticket.Audit);
        string Author(string actor, bool byTechnician) =>
            internalView ? actor : byTechnician ? "Technician" : actor.StartsWith(PortalJobsActor.Prefix, StringComparison.Ordinal) ? "Customer" : "Office";
        return new JobReportDto(
            ticket.TicketId, ticket.Details.Description, ticket.Details.Address, ticket.Status.ToString(),
            onSite.Arrived, onSite.Departed, onSite.Duration is { } d ? Math.Round(d.TotalMinutes, 1) : null,
            [.. report.Notes.Select(n => new ReportNoteDto(n.At, Author(n.Actor, n.ByTechnician), n.Text))],
            [.. report.Photos.Select(p => new ReportPhotoDto(p.PhotoId, p.At, Author(p.Actor, p.ByTechnician), p.ContentType, p.Length, p.Caption, photoUrl(p.PhotoId)))]);
    }

    public static ReportSummaryDto AsSummary(this JobReport report, TicketSnapshot ticket)
    {
        var onSite = TimeOnSite.From(ticket.Audit);
        return new ReportSummaryDto(ticket.TicketId, ticket.Details.Description, ticket.Status.ToString(), onSite.Arrived, onSite.Departed, report.Notes.Count, report.Photos.Count);
    }
}
