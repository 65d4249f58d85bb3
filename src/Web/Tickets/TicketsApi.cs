using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies.Roster;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Technicians;
using OrleansPortal.Grains.Tickets;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Tickets;

/// <summary>Work orders, for dispatchers of the ticket's own company. Status changes follow <see cref="TicketLifecycle"/>.</summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/tickets").WithTags("Tickets").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapPost("/", CreateAsync).WithSummary("Creates a work order (New, or Scheduled when it has an arrival window).");
        group.MapGet("/{id}", GetAsync).WithSummary("A work order with its audit trail.");
        group.MapGet("/{id}/overview", OverviewAsync).WithSummary("The office's job page in one call: the job with its audit trail, customer, property, technician, its place on the route with the ETA, its report, its estimates and invoices, and its chat thread's id.");
        group.MapPost("/{id}/status", ChangeStatusAsync).WithSummary("Moves the work order to another status; refused (409) when the lifecycle does not allow it.");
        group.MapPut("/{id}/pin", PinAsync).WithSummary("Pins or unpins the work order: a pinned job keeps its technician and time on re-optimization.");
        return group;
    }

    private static async Task<Results<Created<TicketDto>, ValidationProblem>> CreateAsync(
        CreateTicketRequest request, ClaimsPrincipal user, IClusterClient grains, ITechnicianRoster roster)
    {
        var validation = Validate(request);
        if (validation.IsValid) await CheckReferencesAsync(request, user.GetTenantId(), grains, roster, validation);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var id = TenantKeys.NewId();
        var created = await Ticket(grains, user, id).CreateAsync(ToNewTicket(request), user.GetEmail());
        return TypedResults.Created($"/api/v1/tickets/{id}", created.AsDto());
    }

    private static async Task<Results<Ok<TicketDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Ticket(grains, user, id).GetAsync()).AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Ok<JobOverviewDto>, NotFound>> OverviewAsync(string id, ClaimsPrincipal user, IClusterClient grains, DomainClock clock) =>
        ResourceId.IsValid(id) ? TypedResults.Ok(await JobOverview.LoadAsync(grains, user.GetTenantId(), id, clock.GetUtcNow())) : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string id, ChangeStatusRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        var validation = new RequestValidation()
            .Require(EnumName.TryParse<TicketStatus>(request.Status, out var to), "status", $"Status must be one of {string.Join(", ", Enum.GetNames<TicketStatus>())}.")
            .Text(request.Reason, "reason", InputLimits.Text, $"A reason can have at most {InputLimits.Text:N0} characters.", required: false, multiline: true)
            .Id(request.TechnicianId, "technicianId", "A technician", required: false)
            .Require(IsValidWindow(request.ArrivalWindow), "arrivalWindow", WindowProblem);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var ticket = Ticket(grains, user, id);
        if (request.TechnicianId is { } technicianId)
        {
            if (await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(user.GetTenantId(), technicianId)).GetAsync().OrNullAsync() is not { } technician)
                return TypedResults.Problem(title: "No such technician.", detail: $"There is no technician '{technicianId}' in this company.", statusCode: StatusCodes.Status404NotFound);
            var missing = (await ticket.GetAsync()).Details.RequiredSkills.Except(technician.Profile.Skills, StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count > 0)
                return TypedResults.Problem(
                    title: "The technician lacks a required skill.",
                    detail: $"{technician.Profile.Name} does not have: {string.Join(", ", missing)}.",
                    statusCode: StatusCodes.Status409Conflict);
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var changed = await ticket.ChangeStatusAsync(new StatusChange(to, user.GetEmail(), reason, request.TechnicianId, request.ArrivalWindow));
        return TypedResults.Ok(changed.AsDto());
    }

    private static async Task<Results<Ok<TicketDto>, NotFound>> PinAsync(string id, PinRequest request, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Ticket(grains, user, id).SetPinnedAsync(request.Pinned, user.GetEmail())).AsDto()) : TypedResults.NotFound();

    /// <summary>The request as a <see cref="NewTicket"/>; only for a request <see cref="Validate"/> accepted.</summary>
    internal static NewTicket ToNewTicket(CreateTicketRequest request) => new(
        request.CustomerId, request.PropertyId, request.Location!.Value, request.Address.Trim(), request.Description?.Trim() ?? "",
        [.. (request.RequiredSkills ?? []).Select(s => s.Trim())], TimeSpan.FromMinutes(request.EstimatedMinutes), request.ArrivalWindow,
        Enum.Parse<TicketPriority>(request.Priority ?? nameof(TicketPriority.Routine), ignoreCase: true), request.PreferredTechnicianId?.Trim());

    internal static RequestValidation Validate(CreateTicketRequest r) => new RequestValidation()
        .Id(r.CustomerId, "customerId", "The customer")
        .Id(r.PropertyId, "propertyId", "The property")
        .Require(r.Location is { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "location", "A location with latitude -90..90 and longitude -180..180 is required.")
        .Text(r.Address, "address", InputLimits.Address, $"An address of 1 to {InputLimits.Address} characters is required.")
        .Text(r.Description, "description", InputLimits.Text, $"The description can have at most {InputLimits.Text:N0} characters.", required: false, multiline: true)
        .Labels(r.RequiredSkills, "requiredSkills", InputLimits.Skills, $"At most {InputLimits.Skills} skills of 1 to {InputLimits.Label} characters.")
        .Require(r.EstimatedMinutes is > 0 and <= 24 * 60, "estimatedMinutes", "The estimated duration must be more than 0 and at most 1,440 minutes.")
        .Require(IsValidWindow(r.ArrivalWindow), "arrivalWindow", WindowProblem)
        .Require(r.Priority is null || EnumName.TryParse<TicketPriority>(r.Priority, out _), "priority", "Priority must be Routine, High or Emergency.")
        .Id(r.PreferredTechnicianId?.Trim(), "preferredTechnicianId", "A preferred technician", required: false);

    private static bool IsValidWindow(TimeWindow? w) => w is null || (w.End > w.Start && InputLimits.IsInRange(w.Start) && InputLimits.IsInRange(w.End));

    private static readonly string WindowProblem = $"The arrival window must end after it starts, in the years {InputLimits.FirstYear} to {InputLimits.LastYear}.";

    /// <summary>
    /// The ids a ticket names must be the tenant's own: a customer of this company, one of that customer's properties and a
    /// technician on its roster. Another company's ids (or nobody's) would otherwise sit on the ticket, show the wrong
    /// site, and silently never count. Point lookups; only for a request <see cref="Validate"/> accepted.
    /// </summary>
    internal static async Task CheckReferencesAsync(
        CreateTicketRequest r, string tenantId, IClusterClient grains, ITechnicianRoster roster, RequestValidation validation, string prefix = "")
    {
        if (await grains.GetGrain<ICustomerGrain>(TenantKeys.For(tenantId, r.CustomerId)).GetAsync().OrNullAsync() is not { } customer)
            validation.Add(prefix + "customerId", $"There is no customer '{r.CustomerId}' in this company.");
        else if (!customer.PropertyIds.Contains(r.PropertyId))
            validation.Add(prefix + "propertyId", $"The property '{r.PropertyId}' is not one of {customer.Name}'s.");
        if (r.PreferredTechnicianId?.Trim() is { } technicianId && !await roster.ContainsAsync(tenantId, technicianId))
            validation.Add(prefix + "preferredTechnicianId", $"The preferred technician '{technicianId}' is not a technician of this company.");
    }

    private static ITicketGrain Ticket(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), id));
}

/// <param name="CustomerId">A customer of the company, and <paramref name="PropertyId"/> one of that customer's properties.</param>
public sealed record CreateTicketRequest(
    [property: MaxLength(InputLimits.Id)] string CustomerId,
    [property: MaxLength(InputLimits.Id)] string PropertyId,
    GeoPoint? Location,
    [property: MaxLength(InputLimits.Address)] string Address,
    [property: MaxLength(InputLimits.Text)] string? Description,
    [property: MaxLength(InputLimits.Skills)] IReadOnlyList<string>? RequiredSkills,
    double EstimatedMinutes,
    TimeWindow? ArrivalWindow,
    [property: MaxLength(InputLimits.Code)] string? Priority,
    [property: MaxLength(InputLimits.Id)] string? PreferredTechnicianId = null);

public sealed record ChangeStatusRequest(
    [property: MaxLength(InputLimits.Code)] string Status,
    [property: MaxLength(InputLimits.Text)] string? Reason,
    [property: MaxLength(InputLimits.Id)] string? TechnicianId,
    TimeWindow? ArrivalWindow);

public sealed record PinRequest(bool Pinned);
