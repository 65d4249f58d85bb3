using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Dispatch.Recurring;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Tickets;

namespace OrleansPortal.Web.RecurringJobs;

/// <summary>Recurring work orders (weekly maintenance, say), for dispatchers of the series' own company.</summary>
public static class RecurringJobsApi
{
    /// <summary>Series per page of GET /api/v1/recurring-jobs when the request names no limit, and the most it may name.</summary>
    public const int DefaultPageSize = 100, MaxPageSize = 500;

    public static RouteGroupBuilder MapRecurringJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/recurring-jobs").WithTags("Recurring jobs").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapPost("/", CreateAsync).WithSummary("Creates a series; the tickets of occurrences inside the horizon are created at once, later ones as they come within it.");
        group.MapGet("/", ListAsync).WithSummary("A page of the company's series, active and stopped, oldest first; a Link header (rel=\"next\") names the next page.");
        group.MapGet("/{id}", GetAsync).WithSummary("A series with its generated ticket ids and its next occurrences.");
        group.MapDelete("/{id}", StopAsync).WithSummary("Stops the series: no more tickets; its future tickets nobody assigned yet are cancelled.");
        return group;
    }

    private static async Task<Results<Created<RecurringJobDto>, ValidationProblem>> CreateAsync(
        CreateRecurringJobRequest request, ClaimsPrincipal user, IClusterClient grains, ITechnicianRoster roster)
    {
        var (job, validation) = Parse(request);
        if (job is not null) await TicketsApi.CheckReferencesAsync(request.Ticket!, user.GetTenantId(), grains, roster, validation, "ticket.");
        if (job is null || !validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var id = TenantKeys.NewId();
        var created = await Series(grains, user, id).CreateAsync(job, user.GetEmail());
        return TypedResults.Created($"/api/v1/recurring-jobs/{id}", created.AsDto());
    }

    private static async Task<Results<Ok<RecurringJobDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Series(grains, user, id).GetAsync()).AsDto()) : TypedResults.NotFound();

    /// <summary>Oldest first, a page at a time (<see cref="PageLinks"/>); each series on the page is read from its grain.</summary>
    private static async Task<Results<Ok<RecurringJobSummaryDto[]>, ValidationProblem>> ListAsync(
        int? limit, string? after, ClaimsPrincipal user, IClusterClient grains, IRecurringJobIndex index, HttpResponse response)
    {
        var validation = PageLinks.Validate(limit, after, MaxPageSize, "a series");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var size = limit ?? DefaultPageSize;
        var ids = await index.ListAsync(user.GetTenantId(), after, size + 1); // one more says whether a next page exists
        var page = ids.Take(size).ToList();
        // The index is written before the series, so it can name a series whose creation failed; such an id lists as nothing.
        var series = await Task.WhenAll(page.Select(id => Series(grains, user, id).GetAsync().OrNullAsync()));
        PageLinks.SetNext(response, "/api/v1/recurring-jobs", size, ids.Count > size ? page[^1] : null);
        return TypedResults.Ok(series.OfType<RecurringJobSnapshot>().Select(s => s.AsSummaryDto()).ToArray());
    }

    private static async Task<Results<NoContent, NotFound>> StopAsync(string id, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        await Series(grains, user, id).StopAsync(user.GetEmail());
        return TypedResults.NoContent();
    }

    private static (RecurringJob? Job, RequestValidation Validation) Parse(CreateRecurringJobRequest request)
    {
        var validation = new RequestValidation();
        if (request.Ticket is null) validation.Add("ticket", "The ticket every occurrence gets (customer, property, location, address, ...) is required.");
        else
        {
            foreach (var (field, messages) in TicketsApi.Validate(request.Ticket).Errors)
                foreach (var message in messages) validation.Add($"ticket.{field}", message);
            validation.Require(request.Ticket.ArrivalWindow is null, "ticket.arrivalWindow", "Each occurrence's arrival window comes from the recurrence; leave this out.");
        }

        var rule = ParseRule(request.Recurrence, validation);
        return validation.IsValid ? (new RecurringJob(TicketsApi.ToNewTicket(request.Ticket!), rule!), validation) : (null, validation);
    }

    // Format errors are reported here; what makes a rule valid (ranges, the zone, end after start) is RecurrenceRule's to say.
    private static RecurrenceRule? ParseRule(RecurrenceRequest? r, RequestValidation validation)
    {
        if (r is null)
        {
            validation.Add("recurrence", "The recurrence (weekdays, arrival window, time zone, start date) is required.");
            return null;
        }

        // Checked first, as the messages below quote what was sent.
        if (r.Weekdays is { Count: > 7 } || new[] { r.WindowStart, r.WindowEnd, r.TimeZone, r.StartDate, r.EndDate }.Concat(r.Weekdays ?? []).Any(t => t?.Length > InputLimits.Code))
        {
            validation.Add("recurrence", $"At most 7 weekdays; weekdays, times, dates and the time zone have at most {InputLimits.Code} characters each.");
            return null;
        }

        var days = new List<DayOfWeek>();
        var unknownDays = (r.Weekdays ?? []).Where(name => Enum.GetNames<DayOfWeek>().All(n => !string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknownDays.Count > 0)
            validation.Add("recurrence.weekdays", $"Not a weekday: {string.Join(", ", unknownDays.Select(d => $"'{d}'"))}. Use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday.");
        else days.AddRange((r.Weekdays ?? []).Select(name => Enum.Parse<DayOfWeek>(name!.Trim(), ignoreCase: true)));

        var start = ParseTime(r.WindowStart, "recurrence.windowStart", validation);
        var end = ParseTime(r.WindowEnd, "recurrence.windowEnd", validation);
        var startDate = ParseDate(r.StartDate, "recurrence.startDate", validation, required: true);
        var endDate = ParseDate(r.EndDate, "recurrence.endDate", validation, required: false);
        if (unknownDays.Count > 0 || start is null || end is null || startDate is null || (r.EndDate is not null && endDate is null)) return null;

        var rule = new RecurrenceRule(r.IntervalWeeks ?? 1, days, start.Value, end.Value, r.TimeZone?.Trim() ?? "", startDate.Value, endDate, r.Count);
        foreach (var (field, message) in rule.Problems()) validation.Add($"recurrence.{field}", message);
        return rule;
    }

    private static TimeOnly? ParseTime(string? text, string field, RequestValidation validation)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        validation.Add(field, "A local time as HH:mm (for example 09:00) is required.");
        return null;
    }

    private static DateOnly? ParseDate(string? text, string field, RequestValidation validation, bool required)
    {
        if (text is null && !required) return null;
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        validation.Add(field, "A date as yyyy-MM-dd (for example 2026-03-02) is " + (required ? "required." : "expected."));
        return null;
    }

    private static IRecurringJobGrain Series(IClusterClient grains, ClaimsPrincipal user, string id) =>
        grains.GetGrain<IRecurringJobGrain>(TenantKeys.For(user.GetTenantId(), id));
}

/// <summary>A series: the ticket each occurrence gets (without an arrival window) and when it recurs.</summary>
public sealed record CreateRecurringJobRequest(CreateTicketRequest? Ticket, RecurrenceRequest? Recurrence);

/// <summary>Times as "HH:mm" local to <see cref="TimeZone"/> (IANA), dates as "yyyy-MM-dd"; an end date or a count, or neither.</summary>
public sealed record RecurrenceRequest(
    int? IntervalWeeks,
    [property: MaxLength(7)] IReadOnlyList<string?>? Weekdays,
    [property: MaxLength(InputLimits.Code)] string? WindowStart,
    [property: MaxLength(InputLimits.Code)] string? WindowEnd,
    [property: MaxLength(InputLimits.Code)] string? TimeZone,
    [property: MaxLength(InputLimits.Code)] string? StartDate,
    [property: MaxLength(InputLimits.Code)] string? EndDate,
    int? Count);
