using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace OrleansPortal.Web.Calendars;

/// <summary>One event of a feed: a job's visit, in UTC (calendar apps show it in their own zone).</summary>
/// <param name="Uid">Stable across fetches (the job's id), so a moved visit moves in the calendar instead of doubling.</param>
public sealed record CalendarVisit(string Uid, string Summary, string? Description, string? Location, DateTimeOffset Start, DateTimeOffset End, bool Cancelled, double? Latitude = null, double? Longitude = null);

/// <summary>Writes visits as an RFC 5545 calendar with Ical.Net.</summary>
public static class CalendarDocument
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<CalendarVisit> visits, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//OrleansPortal//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H"); // ask subscribers to refresh hourly
        foreach (var visit in visits)
        {
            var item = new CalendarEvent
            {
                Uid = visit.Uid,
                Summary = visit.Summary,
                Description = visit.Description,
                Location = visit.Location,
                DtStart = new CalDateTime(visit.Start.UtcDateTime),
                DtEnd = new CalDateTime(visit.End.UtcDateTime),
                DtStamp = new CalDateTime(now.UtcDateTime),
                Status = visit.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (visit.Latitude is { } lat && visit.Longitude is { } lon) item.GeographicLocation = new GeographicLocation(lat, lon);
            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
