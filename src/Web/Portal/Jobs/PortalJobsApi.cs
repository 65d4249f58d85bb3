using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Dispatch;
using OrleansPortal.Grains.Documents;
using OrleansPortal.Grains.Properties;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Portal.Jobs;

/// <summary>
/// The customer's jobs: service requests, booking windows from dispatch's real capacity, rescheduling and cancelling
/// before the cut-off. Every change goes to the ticket, which tells dispatch at once. Which jobs a contact sees is
/// <see cref="PortalAccess"/>'s rule alone.
/// </summary>
public static class PortalJobsApi
{
    public static RouteGroupBuilder MapPortalJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal").WithTags("Portal jobs").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/jobs", ListAsync).WithSummary("The jobs this contact may see, newest first, with their status timelines.");
        group.MapGet("/jobs/{id}", GetAsync).WithSummary("One job with its window, live ETA and technician; 404 for any other.");
        group.MapGet("/booking/services", ServicesAsync).WithSummary("The kinds of visit that can be booked.");
        group.MapGet("/booking/windows", WindowsAsync).WithSummary("Arrival windows on offer for a service at a property over the coming days (?propertyId=&service=&from=yyyy-MM-dd&days=).");
        group.MapPost("/service-requests", RequestAsync).WithSummary("Asks for work at a property: an emergency, or a booked window from the offer.");
        group.MapGet("/jobs/{id}/windows", RescheduleWindowsAsync).WithSummary("Windows on offer to move this job to over the coming days (?from=yyyy-MM-dd&days=): its own skills and length, its own place not counted against it.");
        group.MapPost("/jobs/{id}/reschedule", RescheduleAsync).WithSummary("Moves the job to another window on offer, before the cut-off.");
        group.MapPost("/jobs/{id}/cancel", CancelAsync).WithSummary("Cancels the job, before the cut-off.");
        group.MapPost("/jobs/{id}/photos", AddPhotoAsync).WithRequestBodyLimit(PhotoUpload.MaxRequestBytesOf(endpoints))
            .WithSummary("Adds a photo of the problem (multipart field \"photo\", JPEG, PNG or WebP by its bytes, at most 8 MB) while the job is open.")
            .DisableAntiforgery(); // the form is read by hand; CrossSiteRequestGuard refuses other sites' posts
        return group;
    }

    private static async Task<Ok<PortalJobDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        var rules = await Dispatch(grains, user).GetBookingRulesAsync();
        var jobs = await PortalAccess.VisibleJobsAsync(grains, user);
        return TypedResults.Ok(await Task.WhenAll(jobs.Select(j => PortalJobMapping.ToDtoAsync(j, grains, rules, clock.GetUtcNow()))));
    }

    private static async Task<Results<Ok<PortalJobDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (await PortalAccess.VisibleJobAsync(grains, user, id) is not { } job) return TypedResults.NotFound();
        return TypedResults.Ok(await PortalJobMapping.ToDtoAsync(job, grains, await Dispatch(grains, user).GetBookingRulesAsync(), clock.GetUtcNow()));
    }

    private static async Task<Ok<BookableService[]>> ServicesAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok((await Dispatch(grains, user).GetBookingRulesAsync()).ServicesOffered.ToArray());

    private static async Task<Results<Ok<WindowOffer[]>, NotFound, ValidationProblem>> WindowsAsync(
        string? propertyId, string? service, string? from, int? days, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await VisiblePropertyAsync(grains, user, propertyId) is not { } property) return TypedResults.NotFound();
        if (!OrleansPortal.Web.Dispatch.DispatchApi.TryParseDay(from, out var start) || days is < 1 or > 31)
            return BadRange();
        var dispatch = Dispatch(grains, user);
        if ((await dispatch.GetBookingRulesAsync()).Service(service) is not { } kind) return UnknownService();
        var offers = await dispatch.OfferWindowsAsync(Query(property, kind, start ?? await dispatch.GetTodayAsync(), days ?? 7, rescheduling: null));
        return TypedResults.Ok(offers.ToArray());
    }

    /// <summary>
    /// What <see cref="RescheduleAsync"/> will accept, asked the same way: the job's own skills and length (a service
    /// picked today may differ), and the job does not compete with itself for its day or its technician's time.
    /// </summary>
    private static async Task<Results<Ok<WindowOffer[]>, NotFound, ValidationProblem>> RescheduleWindowsAsync(
        string id, string? from, int? days, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await PortalAccess.VisibleJobAsync(grains, user, id) is not { } job) return TypedResults.NotFound();
        if (!OrleansPortal.Web.Dispatch.DispatchApi.TryParseDay(from, out var start) || days is < 1 or > 31)
            return BadRange();
        var property = await grains.GetGrain<IPropertyGrain>(TenantKeys.For(user.GetTenantId(), job.Details.PropertyId)).GetAsync();
        var dispatch = Dispatch(grains, user);
        var offers = await dispatch.OfferWindowsAsync(Query(property, JobService(job), start ?? await dispatch.GetTodayAsync(), days ?? 7, rescheduling: id));
        return TypedResults.Ok(offers.ToArray());
    }

    // The job keeps its own skills and length, whatever the service catalogue says today.
    private static BookableService JobService(TicketSnapshot job) =>
        new("", job.Details.RequiredSkills, (int)Math.Ceiling(job.Details.EstimatedDuration.TotalMinutes));

    private static BookingQuery Query(PropertySnapshot property, BookableService service, DateOnly from, int days, string? rescheduling) =>
        new(property.Details.Location, service.Skills, TimeSpan.FromMinutes(service.Minutes), from, days, rescheduling);

    private static ValidationProblem BadRange() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["from is a day (yyyy-MM-dd) and days is 1 to 31."] });

    private static ValidationProblem UnknownService() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["service"] = ["Choose one of the services on offer (GET /api/v1/portal/booking/services)."] });

    private static async Task<Results<Created<PortalJobDto>, NotFound, ValidationProblem, ProblemHttpResult>> RequestAsync(
        ServiceRequest request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        var validation = new RequestValidation()
            .Text(request.Description, "description", InputLimits.Text, $"Say what needs doing, in at most {InputLimits.Text:N0} characters.", multiline: true)
            .Require(request.Emergency || request.WindowStart is not null, "windowStart", "Choose one of the windows on offer (or say it is an emergency).")
            .Require(request.Service is null or { Length: <= InputLimits.Label }, "service", $"A service name has at most {InputLimits.Label} characters.");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        if (await VisiblePropertyAsync(grains, user, request.PropertyId) is not { } property) return TypedResults.NotFound();

        var dispatch = Dispatch(grains, user);
        if ((await dispatch.GetBookingRulesAsync()).Service(request.Service) is not { } service) return UnknownService();
        TimeWindow? window = null;
        if (!request.Emergency)
        {
            if (await OfferedAsync(dispatch, property, service, request.WindowStart!.Value, rescheduling: null) is not { } offer) return WindowGone();
            window = new TimeWindow(offer.Start, offer.End);
        }

        var id = TenantKeys.NewId();
        var ticket = new NewTicket(
            user.GetCustomerId(), property.PropertyId, property.Details.Location, property.Details.Address, request.Description!.Trim(), service.Skills,
            TimeSpan.FromMinutes(service.Minutes), window, request.Emergency ? TicketPriority.Emergency : TicketPriority.Routine);
        var created = await grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), id)).CreateAsync(ticket, Actor(user));
        await grains.GetGrain<IPropertyGrain>(TenantKeys.For(user.GetTenantId(), property.PropertyId))
            .AppendTimelineAsync("service request", request.Emergency ? $"Emergency: {ticket.Description}" : ticket.Description, id);
        var dto = await PortalJobMapping.ToDtoAsync(created, grains, await dispatch.GetBookingRulesAsync(), clock.GetUtcNow());
        return TypedResults.Created($"/api/v1/portal/jobs/{id}", dto);
    }

    private static async Task<Results<Ok<PortalJobDto>, NotFound, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        string id, RescheduleRequest request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (await PortalAccess.VisibleJobAsync(grains, user, id) is not { } job) return TypedResults.NotFound();
        if (request.WindowStart is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["windowStart"] = ["Choose one of the windows on offer."] });
        var dispatch = Dispatch(grains, user);
        var rules = await dispatch.GetBookingRulesAsync();
        if (!PortalJobMapping.CanChange(job, rules, clock.GetUtcNow())) return TooLate(job, rules);
        var property = await grains.GetGrain<IPropertyGrain>(TenantKeys.For(user.GetTenantId(), job.Details.PropertyId)).GetAsync();
        if (await OfferedAsync(dispatch, property, JobService(job), request.WindowStart.Value, rescheduling: id) is not { } offer) return WindowGone();

        var moved = await grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), id))
            .ChangeStatusAsync(new StatusChange(TicketStatus.Scheduled, Actor(user), "rescheduled by the customer", ArrivalWindow: new TimeWindow(offer.Start, offer.End)));
        return TypedResults.Ok(await PortalJobMapping.ToDtoAsync(moved, grains, rules, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<PortalJobDto>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAsync(
        string id, CancelRequest? request, ClaimsPrincipal user, IClusterClient grains, DomainClock clock)
    {
        if (await PortalAccess.VisibleJobAsync(grains, user, id) is not { } job) return TypedResults.NotFound();
        var validation = new RequestValidation().Text(request?.Reason, "reason", InputLimits.Text, $"A reason has at most {InputLimits.Text:N0} characters.", required: false, multiline: true);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        var rules = await Dispatch(grains, user).GetBookingRulesAsync();
        if (!PortalJobMapping.CanChange(job, rules, clock.GetUtcNow())) return TooLate(job, rules);
        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? "cancelled by the customer" : $"cancelled by the customer: {request.Reason.Trim()}";
        var cancelled = await grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), id)).ChangeStatusAsync(new StatusChange(TicketStatus.Cancelled, Actor(user), reason));
        return TypedResults.Ok(await PortalJobMapping.ToDtoAsync(cancelled, grains, rules, clock.GetUtcNow()));
    }

    /// <summary>
    /// A photo of the problem, kept with the job's report (the same store, checks and access as the technician's photos),
    /// so the technician sees it before arriving. Only while the job is open: afterwards the report is the team's record.
    /// </summary>
    private static async Task<Results<Ok<JobReportDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddPhotoAsync(
        string id, HttpRequest http, ClaimsPrincipal user, IClusterClient grains, ReportPhotos photos)
    {
        // Checked before the bytes are stored, so another customer's job ids cannot be used to fill the disk.
        if (await PortalAccess.VisibleJobAsync(grains, user, id) is not { } job) return TypedResults.NotFound();
        if (TicketLifecycle.IsFinal(job.Status))
            return TypedResults.Problem(title: "The job is closed.", detail: "Photos can be added while the job is open; send them in the chat instead.", statusCode: StatusCodes.Status409Conflict);
        var (report, errors) = await photos.AddAsync(http, grains.GetGrain<IJobReportGrain>(TenantKeys.For(user.GetTenantId(), id)), new ReportAuthor(Actor(user), IsTechnician: false));
        if (report is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(report.AsDto(job, photo => $"/api/v1/portal/reports/{id}/photos/{photo}", internalView: false));
    }

    /// <summary>The offer starting at <paramref name="start"/>, asked again now: a window shown a minute ago may have filled since.</summary>
    private static async Task<WindowOffer?> OfferedAsync(IDispatchGrain dispatch, PropertySnapshot property, BookableService service, DateTimeOffset start, string? rescheduling)
    {
        var today = await dispatch.GetTodayAsync();
        var rules = await dispatch.GetBookingRulesAsync();
        var offers = await dispatch.OfferWindowsAsync(Query(property, service, today, rules.DaysAhead + 1, rescheduling));
        return offers.FirstOrDefault(o => o.Start == start && o.Available);
    }

    private static async Task<PropertySnapshot?> VisiblePropertyAsync(IClusterClient grains, ClaimsPrincipal user, string? propertyId)
    {
        if (propertyId is null || !ResourceId.IsValid(propertyId)) return null;
        var visible = await PortalAccess.CustomerOf(grains, user).GetVisiblePropertyIdsAsync(user.GetContactId());
        return visible.Contains(propertyId) ? await grains.GetGrain<IPropertyGrain>(TenantKeys.For(user.GetTenantId(), propertyId)).GetAsync() : null;
    }

    private static ProblemHttpResult WindowGone() =>
        TypedResults.Problem(title: "That window is not available.", detail: "That window is no longer on offer; please choose another.", statusCode: StatusCodes.Status409Conflict);

    private static ProblemHttpResult TooLate(TicketSnapshot job, BookingRules rules) =>
        TypedResults.Problem(
            title: "The job can no longer be changed here.",
            detail: job.Status is TicketStatus.New or TicketStatus.Scheduled or TicketStatus.Assigned
                ? $"Changes are possible until {rules.ChangeCutoffHours:0} hours before the window; please contact us."
                : $"The job is {PortalJobMapping.Label(job.Status).ToLowerInvariant()}; please contact us.",
            statusCode: StatusCodes.Status409Conflict);

    private static string Actor(ClaimsPrincipal user) => PortalJobsActor.Of(user.GetContactId());

    private static IDispatchGrain Dispatch(IClusterClient grains, ClaimsPrincipal user) => grains.GetGrain<IDispatchGrain>(user.GetTenantId());
}

/// <param name="Service">One of the company's bookable services (its skills and length); null for the first on offer.</param>
public sealed record ServiceRequest(
    [property: MaxLength(InputLimits.Id)] string? PropertyId,
    [property: MaxLength(InputLimits.Text)] string? Description,
    bool Emergency,
    DateTimeOffset? WindowStart,
    [property: MaxLength(InputLimits.Label)] string? Service = null);

public sealed record RescheduleRequest(DateTimeOffset? WindowStart);

public sealed record CancelRequest([property: MaxLength(InputLimits.Text)] string? Reason);
