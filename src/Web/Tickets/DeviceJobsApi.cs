using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Devices;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Dispatch.Routes;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Tickets;

/// <summary>
/// What a technician's phone does with its jobs, authenticated by its device token (Authorization: Bearer). A job of
/// another technician or company answers 404 exactly like one that does not exist, so ids reveal nothing.
/// </summary>
public static class DeviceJobsApi
{
    public const int MaxNoteLength = InputLimits.Text;

    // Arrival (OnSite) is not among them: it goes through check-in, which checks the distance to the job.
    private static readonly TicketStatus[] TechnicianStatuses = [TicketStatus.EnRoute, TicketStatus.Completed];

    public static RouteGroupBuilder MapDeviceJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/device").WithTags("Technician device").AllowAnonymous();
        group.MapGet("/jobs", GetJobsAsync)
            .WithSummary("Today's route of the token's technician in order, with live ETAs, the customer to call, the site's access notes and photo thumbnails; empty when there is no route.");
        group.MapGet("/jobs/{ticketId}/start-impact", GetStartImpactAsync)
            .WithSummary("What setting off to this job now would do: nothing when it is the next one; otherwise the jobs it would make late, by how much, and the re-planned order.");
        group.MapPost("/jobs/{ticketId}/status", ChangeStatusAsync)
            .WithSummary("The technician is on the way (EnRoute) or done (Completed); 409 when the lifecycle does not allow it, or when starting out of order would make other jobs late and confirmOutOfOrder is not true.");
        group.MapPost("/check-in", CheckInAsync).WithSummary("The technician is on site: refused more than 500 m from the job unless a reason is given.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<DeviceJobDto>>, ProblemHttpResult>> GetJobsAsync(HttpRequest http, IClusterClient grains, DevicePhotoLinks links)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        var route = await TodaysRouteAsync(grains, device);
        if (route is null) return TypedResults.Ok<IReadOnlyList<DeviceJobDto>>([]);

        var estimates = route.Estimates.ToDictionary(e => e.TicketId);
        var tickets = await Task.WhenAll(route.Plan.Stops.Select(s => Ticket(grains, device, s.TicketId).GetAsync()));
        // Dispatch updates routes after tickets change, so a stop can briefly name a job that was reassigned or
        // finished: the ticket decides whether it is still this technician's open work, and only then is the customer's
        // phone number, the site's access notes and its photos read for it.
        var own = route.Plan.Stops.Zip(tickets).Where(p => p.Second.TechnicianId == device.TechnicianId && !TicketLifecycle.IsFinal(p.Second.Status)).ToList();
        var cards = await Task.WhenAll(own.Select(p => DeviceJobCard.ReadAsync(grains, device, p.Second, links)));
        var jobs = own.Zip(cards).Select(p => p.First.Second.AsDeviceJob(p.First.First, estimates.GetValueOrDefault(p.First.First.TicketId), p.Second)).ToList();
        return TypedResults.Ok<IReadOnlyList<DeviceJobDto>>(jobs);
    }

    private static async Task<Results<Ok<StartImpactDto>, NotFound, ProblemHttpResult>> GetStartImpactAsync(string ticketId, HttpRequest http, IClusterClient grains)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        if (!ResourceId.IsValid(ticketId) || (await Ticket(grains, device, ticketId).GetAsync()).TechnicianId != device.TechnicianId) return TypedResults.NotFound();
        // The next job needs no dispatch; anything else (further down, or on no route the phone knows) is dispatch's to weigh.
        var stops = (await TodaysRouteAsync(grains, device))?.Plan.Stops ?? [];
        var impact = IsNext(stops, ticketId)
            ? new StartImpact(ticketId, InOrder: true, ticketId, [], [.. stops.Select(s => s.TicketId)])
            : await grains.GetGrain<IDispatchGrain>(device.TenantId).PreviewStartAsync(device.TechnicianId, ticketId);
        return TypedResults.Ok(impact.AsDto());
    }

    /// <summary>
    /// "On my way" to the next job on the route (or to one on no route today) goes straight to the ticket, as it always
    /// did. To a job further down the route it goes through dispatch, which refuses (409 with the impact) a start that
    /// makes other jobs late unless the technician confirmed, and re-plans the route with the job first when it starts:
    /// a phone that does not know about the warning cannot make the rest of the day late unseen.
    /// </summary>
    private static async Task<Results<Ok<TicketDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string ticketId, DeviceStatusRequest request, HttpRequest http, IClusterClient grains)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        var to = TechnicianStatuses.Where(s => string.Equals(s.ToString(), request.Status, StringComparison.OrdinalIgnoreCase)).Cast<TicketStatus?>().FirstOrDefault();
        if (to is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Status must be EnRoute or Completed; arrival is POST /api/v1/device/check-in."] });
        var note = new RequestValidation().Text(request.Note, "note", MaxNoteLength, $"A note has at most {MaxNoteLength:N0} characters.", required: false, multiline: true);
        if (!note.IsValid) return TypedResults.ValidationProblem(note.Errors);
        if (!ResourceId.IsValid(ticketId)) return TypedResults.NotFound();

        var ticket = Ticket(grains, device, ticketId);
        if ((await ticket.GetAsync()).TechnicianId != device.TechnicianId) return TypedResults.NotFound(); // not this technician's job
        var stops = to == TicketStatus.EnRoute ? (await TodaysRouteAsync(grains, device))?.Plan.Stops ?? [] : [];
        if (stops.Any(s => s.TicketId == ticketId) && !IsNext(stops, ticketId))
        {
            var start = await grains.GetGrain<IDispatchGrain>(device.TenantId)
                .StartJobAsync(device.TechnicianId, ticketId, request.ConfirmOutOfOrder == true, device.Actor(), NullIfBlank(request.Note));
            return start.Ticket is { } started ? TypedResults.Ok(started.AsDto()) : OutOfOrder(start.Impact);
        }

        var changed = await ticket.ChangeStatusAsync(new StatusChange(to.Value, device.Actor(), NullIfBlank(request.Note), OnlyIfTechnician: device.TechnicianId));
        return TypedResults.Ok(changed.AsDto());
    }

    private static ProblemHttpResult OutOfOrder(StartImpact impact)
    {
        var dto = impact.AsDto();
        var jobs = string.Join("; ", dto.LateJobs.Select(j => $"\"{j.Description}\" {j.AddedMinutes:0} min later ({j.MinutesLate:0} min late)"));
        return TypedResults.Problem(
            title: "Starting this job now would make other jobs late.",
            detail: $"It is not your next job. Started now, {dto.LateJobs.Count} of your other jobs would be late: {jobs}. " +
                "Send confirmOutOfOrder: true to start it anyway; your route is then re-planned with it first.",
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?>
            {
                ["confirmationRequired"] = true,
                ["nextTicketId"] = dto.NextTicketId,
                ["lateJobs"] = dto.LateJobs,
                ["newOrder"] = dto.NewOrder,
            });
    }

    /// <summary>Whether the job is the next one to start on the route as the technician sees it: the first stop not on site.</summary>
    private static bool IsNext(IReadOnlyList<PlannedStop> stops, string ticketId) => stops.FirstOrDefault(s => s.Status != TicketStatus.OnSite)?.TicketId == ticketId;

    private static async Task<RouteView?> TodaysRouteAsync(IClusterClient grains, DeviceBinding device)
    {
        var today = await grains.GetGrain<IDispatchGrain>(device.TenantId).GetTodayAsync();
        return await grains.GetGrain<IRouteGrain>(RouteKeys.For(device.TenantId, device.TechnicianId, today)).GetAsync();
    }

    private static async Task<Results<Ok<TicketDto>, NotFound, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        CheckInRequest request, HttpRequest http, IClusterClient grains)
    {
        if (await DeviceAuthentication.ResolveAsync(http, grains) is not { } device) return DeviceAuthentication.Refused();
        var validation = new RequestValidation()
            .Require(request.Latitude is >= -90 and <= 90 && request.Longitude is >= -180 and <= 180, "position", "A latitude in -90..90 and a longitude in -180..180 are required.")
            .Text(request.Reason, "reason", InputLimits.Text, $"A reason has at most {InputLimits.Text:N0} characters.", required: false, multiline: true);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (!ResourceId.IsValid(request.TicketId)) return TypedResults.NotFound();

        var ticket = Ticket(grains, device, request.TicketId);
        var snapshot = await ticket.GetAsync();
        if (snapshot.TechnicianId != device.TechnicianId) return TypedResults.NotFound(); // not this technician's job
        var position = new GeoPoint(request.Latitude, request.Longitude);
        var reason = NullIfBlank(request.Reason);
        try
        {
            return TypedResults.Ok((await ticket.CheckInAsync(position, device.Actor(), reason, device.TechnicianId)).AsDto());
        }
        catch (InvalidTransitionException refused) when (reason is null && snapshot.Details.Location.DistanceMetersTo(position) > TicketGrain.CheckInRadiusMeters)
        {
            // The ticket decided; this only labels why, so a phone can ask for a reason instead of reading the sentence.
            return TypedResults.Problem(
                title: "Too far from the job to check in without a reason.", detail: refused.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["reasonRequired"] = true });
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ITicketGrain Ticket(IClusterClient grains, DeviceBinding device, string ticketId) =>
        grains.GetGrain<ITicketGrain>(TenantKeys.For(device.TenantId, ticketId));
}

public sealed record CheckInRequest(
    [property: MaxLength(InputLimits.Id)] string TicketId, double Latitude, double Longitude, [property: MaxLength(InputLimits.Text)] string? Reason);

/// <param name="ConfirmOutOfOrder">The technician saw the jobs a start out of route order makes late (GET .../start-impact, or this endpoint's 409) and starts anyway.</param>
public sealed record DeviceStatusRequest(
    [property: MaxLength(InputLimits.Code)] string? Status, [property: MaxLength(DeviceJobsApi.MaxNoteLength)] string? Note, bool? ConfirmOutOfOrder = null);
