using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Routing;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Routing.TravelModels;

namespace OrleansPortal.Web.Dispatch;

/// <summary>The dispatcher's board: a day's routes and tray, manual assignment, "optimize the day", alerts. Tenant from the cookie only.</summary>
public static class DispatchApi
{
    public const int MaxBudgetSeconds = 30;

    public static RouteGroupBuilder MapDispatchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/dispatch").WithTags("Dispatch").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/board", GetBoardAsync).WithSummary("One day's board (?day=yyyy-MM-dd; today in the company's time zone by default).");
        group.MapPost("/assignments", AssignAsync).WithSummary("Puts a job on a technician's route (at a time, or where it costs least) and pins it; 409 with the reason when it cannot work.");
        group.MapDelete("/assignments/{ticketId}", UnassignAsync).WithSummary("Takes an assigned job back to the unassigned tray.");
        group.MapPost("/optimize", OptimizeAsync)
            .WithSummary("Deprecated (the current page's only): re-plans a day within a time budget and adopts the plan at once when clearly better. Use POST /proposals.");
        group.MapGet("/alerts", GetAlertsAsync).WithSummary("Late risks, unassigned emergencies, technicians without signal.");
        group.MapPut("/settings", SetSettingsAsync).WithSummary("The company's time zone (IANA id, which decides what a day is) and whether new jobs are assigned automatically.");
        group.MapGet("/booking-rules", async (ClaimsPrincipal user, IClusterClient grains) => TypedResults.Ok(await Dispatch(grains, user).GetBookingRulesAsync()))
            .WithSummary("What customers may book: windows, notice, closed days, jobs per day, the change cut-off.");
        group.MapPut("/booking-rules", SetBookingRulesAsync).WithSummary("Replaces the booking rules.");
        group.MapGet("/routes/{technicianId}", GetRouteAsync).WithSummary("A technician's route for a day with live ETAs and its legs along the roads.");
        group.MapGet("/board/routes", GetBoardRoutesAsync).WithSummary("Every route of a day's board as legs along the roads (encoded polylines), for the map.");
        group.MapPlanProposals();
        group.MapDispatchCalendar();
        group.MapTravelModel();
        group.MapDriveTimes();
        group.MapJobCandidates();
        return group;
    }

    private static async Task<Results<Ok<DayBoard>, ValidationProblem>> GetBoardAsync(string? day, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!TryParseDay(day, out var date)) return DayProblem();
        return TypedResults.Ok(await Dispatch(grains, user).GetBoardAsync(date));
    }

    private static async Task<Results<Ok<DayBoard>, NotFound, ValidationProblem, ProblemHttpResult>> AssignAsync(AssignRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(request.TicketId) || !ResourceId.IsValid(request.TechnicianId)) return TypedResults.NotFound();
        if (!TryParseDay(request.Day, out var day)) return DayProblem();
        if (request.At is { } at && !InputLimits.IsInRange(at))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = [$"The time must be in the years {InputLimits.FirstYear} to {InputLimits.LastYear}."] });
        var dispatch = Dispatch(grains, user);
        try
        {
            var board = await dispatch.AssignAsync(day ?? await dispatch.GetTodayAsync(), request.TicketId, request.TechnicianId, request.At, user.GetEmail());
            return TypedResults.Ok(board);
        }
        catch (AssignmentRefusedException refused)
        {
            return Refused(refused);
        }
    }

    private static async Task<Results<Ok<DayBoard>, NotFound, ProblemHttpResult>> UnassignAsync(string ticketId, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(ticketId)) return TypedResults.NotFound();
        try
        {
            return TypedResults.Ok(await Dispatch(grains, user).UnassignAsync(ticketId, user.GetEmail()));
        }
        catch (AssignmentRefusedException refused)
        {
            return Refused(refused);
        }
    }

    private static async Task<Results<Ok<OptimizationReport>, ValidationProblem>> OptimizeAsync(OptimizeRequest? request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (ValidateOptimize(request, out var day, out var budget) is { } invalid) return invalid;
        return TypedResults.Ok(await Dispatch(grains, user).OptimizeDayAsync(day, budget, user.GetEmail()));
    }

    /// <summary>The day (null: today) and time budget of an optimization, or why they are not acceptable.</summary>
    internal static ValidationProblem? ValidateOptimize(OptimizeRequest? request, out DateOnly? day, out TimeSpan budget)
    {
        budget = TimeSpan.Zero;
        if (!TryParseDay(request?.Day, out day)) return DayProblem();
        var seconds = request?.BudgetSeconds ?? 3;
        if (seconds is not (> 0 and <= MaxBudgetSeconds) || double.IsNaN(seconds))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["budgetSeconds"] = [$"The time budget must be more than 0 and at most {MaxBudgetSeconds} seconds."] });
        budget = TimeSpan.FromSeconds(seconds);
        return null;
    }

    private static async Task<Ok<IReadOnlyList<DispatchAlert>>> GetAlertsAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok(await Dispatch(grains, user).GetAlertsAsync());

    private static async Task<Results<Ok<DispatchSettings>, ValidationProblem>> SetSettingsAsync(DispatchSettingsRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (request.TimeZone is { } zone && (zone.Length is 0 or > InputLimits.Code || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["timeZone"] = ["An IANA time zone id such as Europe/Lisbon is required."] });
        return TypedResults.Ok(await Dispatch(grains, user).UpdateSettingsAsync(request.TimeZone, request.AutoAssign));
    }

    private static async Task<Results<Ok<RouteDto>, NotFound, ValidationProblem>> GetRouteAsync(
        string technicianId, string? day, ClaimsPrincipal user, IClusterClient grains, IRouteGeometry geometry)
    {
        if (!ResourceId.IsValid(technicianId)) return TypedResults.NotFound();
        if (!TryParseDay(day, out var date)) return DayProblem();
        var dispatch = Dispatch(grains, user);
        var route = await grains.GetGrain<IRouteGrain>(RouteKeys.For(user.GetTenantId(), technicianId, date ?? await dispatch.GetTodayAsync())).GetAsync();
        return route is null ? TypedResults.NotFound() : TypedResults.Ok(route.AsDto(geometry));
    }

    private static async Task<Results<Ok<IReadOnlyList<TechnicianLegsDto>>, ValidationProblem>> GetBoardRoutesAsync(
        string? day, ClaimsPrincipal user, IClusterClient grains, IRouteGeometry geometry)
    {
        if (!TryParseDay(day, out var date)) return DayProblem();
        var board = await Dispatch(grains, user).GetBoardAsync(date);
        return TypedResults.Ok<IReadOnlyList<TechnicianLegsDto>>([.. board.Technicians.Where(t => t.Stops.Count > 0).Select(t => t.LegsOf(geometry))]);
    }

    private static async Task<Results<Ok<BookingRules>, ValidationProblem>> SetBookingRulesAsync(BookingRules rules, ClaimsPrincipal user, IClusterClient grains)
    {
        var slots = (rules.Slots ?? []).Where(s => s is not null).ToList();
        var services = rules.Services ?? [];
        var validation = new RequestValidation()
            .Require(slots.Count is >= 1 and <= BookingRules.MaxSlots && slots.Count == (rules.Slots?.Count ?? 0), "slots", $"Offer 1 to {BookingRules.MaxSlots} windows a day.")
            .Require(slots.All(s => s.End > s.Start), "slots", "Each window must end after it starts.")
            .Labels([.. slots.Select(s => s.Name)], "slots", BookingRules.MaxSlots, $"Each window needs a name of 1 to {InputLimits.Label} characters.")
            .Require(slots.Select(s => s.Name?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == slots.Count, "slots", "Window names must differ.")
            .Require(rules.MinimumNoticeHours is >= 0 and <= 24 * 30, "minimumNoticeHours", "Notice is 0 to 720 hours.")
            .Require(rules.ChangeCutoffHours is >= 0 and <= 24 * 30, "changeCutoffHours", "The cut-off is 0 to 720 hours.")
            .Require(rules.MaxJobsPerDay is >= 0 and <= 10_000, "maxJobsPerDay", "At most 10,000 jobs a day (0: no limit).")
            .Require(rules.DaysAhead is >= 1 and <= 90, "daysAhead", "Bookings open 1 to 90 days ahead.")
            .Require((rules.BlackoutDates ?? []).Count <= InputLimits.Days, "blackoutDates", $"At most {InputLimits.Days} closed days.")
            .Require(services.All(s => s is { Minutes: > 0 and <= 24 * 60 }), "services", "Each service takes 1 to 1,440 minutes.")
            .Labels([.. services.Select(s => s?.Name)], "services", BookingRules.MaxServices, $"At most {BookingRules.MaxServices} services, each with a name of 1 to {InputLimits.Label} characters.");
        for (var i = 0; i < Math.Min(services.Count, BookingRules.MaxServices); i++)
            validation.Labels(services[i]?.Skills, $"services[{i}].skills", InputLimits.Skills, $"At most {InputLimits.Skills} skills of 1 to {InputLimits.Label} characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok(await Dispatch(grains, user).SetBookingRulesAsync(rules with
        {
            Slots = [.. slots.Select(s => s with { Name = s.Name.Trim() })],
            BlackoutDates = rules.BlackoutDates ?? [],
            Services = [.. (rules.Services ?? []).Select(s => s with { Name = s.Name.Trim(), Skills = [.. (s.Skills ?? []).Select(k => k.Trim())] })],
        }));
    }

    internal static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || !InputLimits.IsInRange(parsed)) return false;
        day = parsed;
        return true;
    }

    internal static ValidationProblem DayProblem() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = [$"A day is written yyyy-MM-dd, for example 2026-11-21, in the years {InputLimits.FirstYear} to {InputLimits.LastYear}."] });

    private static ProblemHttpResult Refused(AssignmentRefusedException refused) =>
        TypedResults.Problem(title: "The assignment is not possible.", detail: refused.Message, statusCode: StatusCodes.Status409Conflict);

    internal static IDispatchGrain Dispatch(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<IDispatchGrain>(user.GetTenantId());
}

public sealed record AssignRequest(
    [property: MaxLength(InputLimits.Id)] string TicketId,
    [property: MaxLength(InputLimits.Id)] string TechnicianId,
    [property: MaxLength(InputLimits.Code)] string? Day,
    DateTimeOffset? At);

public sealed record OptimizeRequest([property: MaxLength(InputLimits.Code)] string? Day, double? BudgetSeconds);

public sealed record DispatchSettingsRequest([property: MaxLength(InputLimits.Code)] string? TimeZone, bool? AutoAssign);
