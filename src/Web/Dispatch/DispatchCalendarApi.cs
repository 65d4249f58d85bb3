using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Dispatch;

/// <summary>
/// The planning screen's week, month and capacity views: one answer for a span of days, from one dispatch grain call
/// (never one per day or job). Part of the dispatch group (its policy: dispatchers, tenant from the cookie).
/// </summary>
public static class DispatchCalendarApi
{
    public static RouteGroupBuilder MapDispatchCalendar(this RouteGroupBuilder group)
    {
        group.MapGet("/calendar", GetCalendarAsync)
            .WithSummary($"Per technician and day from ?from= to ?to= (yyyy-MM-dd, both included, at most {PlanningCalendar.MaxDays} days): shifts, booked minutes and jobs; plus the span's unassigned jobs.");
        return group;
    }

    private static async Task<Results<Ok<PlanningCalendar>, ValidationProblem>> GetCalendarAsync(string? from, string? to, ClaimsPrincipal user, IClusterClient grains)
    {
        var validation = new RequestValidation()
            .Require(TryParse(from, out var first), "from", DayFormat)
            .Require(TryParse(to, out var last), "to", DayFormat);
        if (validation.IsValid)
            validation.Require(last >= first && last.DayNumber - first.DayNumber < PlanningCalendar.MaxDays, "to",
                $"The span must run forwards and cover at most {PlanningCalendar.MaxDays} days (six weeks).");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok(await DispatchApi.Dispatch(grains, user).GetCalendarAsync(first, last));
    }

    private static readonly string DayFormat = $"A day is written yyyy-MM-dd, for example 2026-11-21, in the years {InputLimits.FirstYear} to {InputLimits.LastYear}.";

    private static bool TryParse(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && InputLimits.IsInRange(day);
}
