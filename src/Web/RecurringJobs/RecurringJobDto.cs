using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Grains.Tickets;

namespace OrleansPortal.Web.RecurringJobs;

/// <summary>A series; <see cref="Status"/> is Active or Stopped.</summary>
public sealed record RecurringJobDto(
    string Id,
    string Status,
    RecurringTicketDto Ticket,
    RecurrenceDto Recurrence,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? StoppedAt,
    string? StoppedBy,
    IReadOnlyList<GeneratedTicketDto> GeneratedTickets,
    IReadOnlyList<NextOccurrenceDto> NextOccurrences);

public sealed record RecurringJobSummaryDto(string Id, string Status, string CustomerId, string PropertyId, string Description, RecurrenceDto Recurrence, int GeneratedTickets, TimeWindow? NextArrivalWindow);

public sealed record RecurringTicketDto(
    string CustomerId, string PropertyId, GeoPoint Location, string Address, string Description, IReadOnlyList<string> RequiredSkills, double EstimatedMinutes, string Priority);

public sealed record RecurrenceDto(
    int IntervalWeeks, IReadOnlyList<string> Weekdays, string WindowStart, string WindowEnd, string TimeZone, string StartDate, string? EndDate, int? Count);

public sealed record GeneratedTicketDto(string Date, string TicketId, TimeWindow ArrivalWindow);

/// <summary><see cref="TicketId"/> is null until the occurrence comes within the horizon and its ticket is created.</summary>
public sealed record NextOccurrenceDto(string Date, TimeWindow ArrivalWindow, string? TicketId);

public static class RecurringJobDtoMapping
{
    public static RecurringJobDto AsDto(this RecurringJobSnapshot s)
    {
        var t = s.Job.Template;
        var ticketOf = s.Generated.ToDictionary(g => g.Date, g => g.TicketId);
        return new RecurringJobDto(
            s.SeriesId, Status(s),
            new RecurringTicketDto(t.CustomerId, t.PropertyId, t.Location, t.Address, t.Description, t.RequiredSkills, t.EstimatedDuration.TotalMinutes, t.Priority.ToString()),
            s.Job.Rule.AsDto(), s.CreatedAt, s.CreatedBy, s.StoppedAt, s.StoppedBy,
            [.. s.Generated.Select(g => new GeneratedTicketDto(Format(g.Date), g.TicketId, g.ArrivalWindow))],
            [.. s.Upcoming.Select(o => new NextOccurrenceDto(Format(o.Date), o.Window, ticketOf.GetValueOrDefault(o.Date)))]);
    }

    public static RecurringJobSummaryDto AsSummaryDto(this RecurringJobSnapshot s) => new(
        s.SeriesId, Status(s), s.Job.Template.CustomerId, s.Job.Template.PropertyId, s.Job.Template.Description, s.Job.Rule.AsDto(),
        s.Generated.Count, s.Upcoming.FirstOrDefault()?.Window);

    private static RecurrenceDto AsDto(this RecurrenceRule r) => new(
        r.IntervalWeeks, [.. r.Weekdays.Select(d => d.ToString())], r.WindowStart.ToString("HH:mm"), r.WindowEnd.ToString("HH:mm"), r.TimeZoneId,
        Format(r.StartDate), r.EndDate is { } end ? Format(end) : null, r.Count);

    private static string Status(RecurringJobSnapshot s) => s.StoppedAt is null ? "Active" : "Stopped";

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd");
}
