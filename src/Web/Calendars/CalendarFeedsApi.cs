using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Calendars;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Calendars;

/// <summary>
/// Calendar feeds (.ics) a calendar app subscribes to: each technician's schedule (issued by the office) and each
/// customer contact's appointments (issued by the contact in the portal). The feed's URL is its only credential, so it
/// carries a random secret, shown once when issued; issuing again replaces it and revoking ends it. A URL that is not
/// a live feed answers 404 alike, whatever part of it is wrong.
/// </summary>
public static class CalendarFeedsApi
{
    /// <summary>A technician's feed covers from yesterday to this many days ahead.</summary>
    public const int TechnicianDaysAhead = 14;

    public static void MapCalendarFeedsApi(this IEndpointRouteBuilder endpoints)
    {
        var office = endpoints.MapGroup("/api/v1/technicians").WithTags("Calendar feeds").RequireAuthorization(PortalClaims.DispatcherPolicy);
        office.MapGet("/{id}/calendar-feed", TechnicianStateAsync).WithSummary("Whether the technician's calendar feed is on, and since when (its URL is shown only when issued).");
        office.MapPost("/{id}/calendar-feed", IssueTechnicianAsync).WithSummary("Issues the technician's calendar feed URL, shown only in this answer; an earlier URL stops working.");
        office.MapDelete("/{id}/calendar-feed", RevokeTechnicianAsync).WithSummary("Turns the technician's calendar feed off at once.");

        var portal = endpoints.MapGroup("/api/v1/portal").WithTags("Calendar feeds").RequireAuthorization(PortalClaims.CustomerPolicy);
        portal.MapGet("/calendar-feed", ContactStateAsync).WithSummary("Whether this contact's appointments feed is on, and since when.");
        portal.MapPost("/calendar-feed", IssueContactAsync).WithSummary("Issues this contact's appointments feed URL, shown only in this answer; an earlier URL stops working.");
        portal.MapDelete("/calendar-feed", RevokeContactAsync).WithSummary("Turns this contact's appointments feed off at once.");

        var feeds = endpoints.MapGroup("/calendar").WithTags("Calendar feeds").AllowAnonymous();
        feeds.MapGet("/technicians/{tenantId}/{technicianId}/{secret}.ics", TechnicianFeedAsync).WithSummary("A technician's schedule as an iCalendar feed.");
        feeds.MapGet("/contacts/{tenantId}/{customerId}/{contactId}/{secret}.ics", ContactFeedAsync).WithSummary("A customer contact's appointments as an iCalendar feed.");
    }

    private static async Task<Results<Ok<CalendarFeedDto>, NotFound>> TechnicianStateAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!await TechnicianExistsAsync(grains, user.GetTenantId(), id)) return TypedResults.NotFound();
        var issued = await grains.GetGrain<ICalendarFeedGrain>(CalendarFeedKeys.Technician(user.GetTenantId(), id)).IssuedAtAsync();
        return TypedResults.Ok(new CalendarFeedDto(issued is not null, issued, null));
    }

    private static async Task<Results<Ok<CalendarFeedDto>, NotFound>> IssueTechnicianAsync(string id, ClaimsPrincipal user, IClusterClient grains, HttpRequest request)
    {
        var tenantId = user.GetTenantId();
        if (!await TechnicianExistsAsync(grains, tenantId, id)) return TypedResults.NotFound();
        var feed = grains.GetGrain<ICalendarFeedGrain>(CalendarFeedKeys.Technician(tenantId, id));
        var secret = await feed.IssueAsync();
        return TypedResults.Ok(new CalendarFeedDto(true, await feed.IssuedAtAsync(), $"{Origin(request)}/calendar/technicians/{tenantId}/{id}/{secret}.ics"));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeTechnicianAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!await TechnicianExistsAsync(grains, user.GetTenantId(), id)) return TypedResults.NotFound();
        await grains.GetGrain<ICalendarFeedGrain>(CalendarFeedKeys.Technician(user.GetTenantId(), id)).RevokeAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CalendarFeedDto>> ContactStateAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        var issued = await ContactFeed(grains, user).IssuedAtAsync();
        return TypedResults.Ok(new CalendarFeedDto(issued is not null, issued, null));
    }

    private static async Task<Ok<CalendarFeedDto>> IssueContactAsync(ClaimsPrincipal user, IClusterClient grains, HttpRequest request)
    {
        var feed = ContactFeed(grains, user);
        var secret = await feed.IssueAsync();
        var url = $"{Origin(request)}/calendar/contacts/{user.GetTenantId()}/{user.GetCustomerId()}/{user.GetContactId()}/{secret}.ics";
        return TypedResults.Ok(new CalendarFeedDto(true, await feed.IssuedAtAsync(), url));
    }

    private static async Task<NoContent> RevokeContactAsync(ClaimsPrincipal user, IClusterClient grains)
    {
        await ContactFeed(grains, user).RevokeAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<ContentHttpResult, NotFound>> TechnicianFeedAsync(
        string tenantId, string technicianId, string secret, IClusterClient grains, DomainClock clock, HttpResponse response)
    {
        if (!ResourceId.IsValid(tenantId) || !ResourceId.IsValid(technicianId)
            || !await grains.GetGrain<ICalendarFeedGrain>(CalendarFeedKeys.Technician(tenantId, technicianId)).AdmitsAsync(secret))
            return TypedResults.NotFound();

        var dispatch = grains.GetGrain<IDispatchGrain>(tenantId);
        var today = await dispatch.GetTodayAsync();
        var boards = await Task.WhenAll(Enumerable.Range(-1, TechnicianDaysAhead + 2).Select(d => dispatch.GetBoardAsync(today.AddDays(d))));
        var visits = boards
            .SelectMany(b => b.Technicians.Where(t => t.Id == technicianId).SelectMany(t => t.Stops))
            .Select(s => new CalendarVisit(
                $"{s.Job.TicketId}@orleansportal", s.Job.Description, $"{s.Job.Priority} job, {s.Job.EstimatedMinutes:0} min on site.",
                s.Job.Address, s.PlannedArrival, s.PlannedDeparture, s.Job.Status == TicketStatus.Cancelled, s.Job.Location.Latitude, s.Job.Location.Longitude));
        var name = (await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, technicianId)).GetAsync()).Profile.Name;
        return Calendar(response, CalendarDocument.Write($"{name}: jobs", visits, clock.GetUtcNow()));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> ContactFeedAsync(
        string tenantId, string customerId, string contactId, string secret, IClusterClient grains, DomainClock clock, HttpResponse response)
    {
        if (!ResourceId.IsValid(tenantId) || !ResourceId.IsValid(customerId) || !ResourceId.IsValid(contactId)
            || !await grains.GetGrain<ICalendarFeedGrain>(CalendarFeedKeys.Contact(tenantId, customerId, contactId)).AdmitsAsync(secret))
            return TypedResults.NotFound();

        IReadOnlyList<TicketSnapshot> jobs;
        try
        {
            jobs = await PortalAccess.VisibleJobsAsync(grains, new PortalViewer(tenantId, customerId, contactId));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound(); // the contact was removed since the feed was issued
        }

        // Named after the company, as the portal's "Add to calendar" file names it: a customer's calendar holds many
        // services, and "Visit" alone would not say whose.
        var company = (await grains.GetGrain<ICompanyGrain>(tenantId).GetAsync())?.Name ?? "Visit";
        var visits = jobs.Where(j => j.ArrivalWindow is not null).Select(j => new CalendarVisit(
            $"{j.TicketId}@orleansportal", $"{company}: {j.Details.Description}", "The technician arrives within this window.",
            j.Details.Address, j.ArrivalWindow!.Start, j.ArrivalWindow.End, j.Status == TicketStatus.Cancelled));
        return Calendar(response, CalendarDocument.Write("Appointments", visits, clock.GetUtcNow()));
    }

    private static ContentHttpResult Calendar(HttpResponse response, string ics)
    {
        response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Content(ics, CalendarDocument.ContentType);
    }

    private static ICalendarFeedGrain ContactFeed(IClusterClient grains, ClaimsPrincipal user) =>
        grains.GetGrain<ICalendarFeedGrain>(CalendarFeedKeys.Contact(user.GetTenantId(), user.GetCustomerId(), user.GetContactId()));

    private static async Task<bool> TechnicianExistsAsync(IClusterClient grains, string tenantId, string id)
    {
        if (!ResourceId.IsValid(id)) return false;
        try
        {
            await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(tenantId, id)).GetAsync();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}

/// <param name="Url">The feed's URL with its secret: only in the answer that issued it.</param>
public sealed record CalendarFeedDto(bool Active, DateTimeOffset? IssuedAt, string? Url);
