using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies.Roster;
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
        group.MapPost("/{id}/status", ChangeStatusAsync).WithSummary("Moves the work order to another status; refused (409) when the lifecycle does not allow it.");
        group.MapPut("/{id}/pin", PinAsync).WithSummary("Pins or unpins the work order: a pinned job keeps its technician and time on re-optimization.");
        return group;
    }

    private static async Task<Results<Created<TicketDto>, ValidationProblem>> CreateAsync(
        CreateTicketRequest request, ClaimsPrincipal user, IClusterClient grains, ITechnicianRoster roster)
    {
        var validation = Validate(request);
        if (validation.IsValid) await CheckPreferredTechnicianAsync(request, user.GetTenantId(), roster, validation, "preferredTechnicianId");
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var id = TenantKeys.NewId();
        var created = await Ticket(grains, user, id).CreateAsync(ToNewTicket(request), user.GetEmail());
        return TypedResults.Created($"/api/v1/tickets/{id}", created.AsDto());
    }

    private static async Task<Results<Ok<TicketDto>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Ticket(grains, user, id).GetAsync()).AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Ok<TicketDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string id, ChangeStatusRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (!ResourceId.IsValid(id)) return TypedResults.NotFound();
        if (!Enum.TryParse<TicketStatus>(request.Status, ignoreCase: true, out var to) || !Enum.IsDefined(to))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Status must be one of {string.Join(", ", Enum.GetNames<TicketStatus>())}."] });
        if (request.ArrivalWindow is { } w && w.End <= w.Start)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["arrivalWindow"] = ["The arrival window must end after it starts."] });

        var ticket = Ticket(grains, user, id);
        if (request.TechnicianId is { } technicianId)
        {
            if (!ResourceId.IsValid(technicianId)) return TypedResults.NotFound();
            var technician = await grains.GetGrain<ITechnicianGrain>(TenantKeys.For(user.GetTenantId(), technicianId)).GetAsync(); // 404 if not this tenant's
            var missing = (await ticket.GetAsync()).Details.RequiredSkills.Except(technician.Profile.Skills, StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count > 0)
                return TypedResults.Problem(
                    title: "The technician lacks a required skill.",
                    detail: $"{technician.Profile.Name} does not have: {string.Join(", ", missing)}.",
                    statusCode: StatusCodes.Status409Conflict);
        }

        var changed = await ticket.ChangeStatusAsync(new StatusChange(to, user.GetEmail(), request.Reason?.Trim(), request.TechnicianId, request.ArrivalWindow));
        return TypedResults.Ok(changed.AsDto());
    }

    private static async Task<Results<Ok<TicketDto>, NotFound>> PinAsync(string id, PinRequest request, ClaimsPrincipal user, IClusterClient grains) =>
        ResourceId.IsValid(id) ? TypedResults.Ok((await Ticket(grains, user, id).SetPinnedAsync(request.Pinned, user.GetEmail())).AsDto()) : TypedResults.NotFound();

    /// <summary>The request as a <see cref="NewTicket"/>; only for a request <see cref="Validate"/> accepted.</summary>
    internal static NewTicket ToNewTicket(CreateTicketRequest request) => new(
        request.CustomerId.Trim(), request.PropertyId.Trim(), request.Location!.Value, request.Address.Trim(), request.Description?.Trim() ?? "",
        [.. (request.RequiredSkills ?? []).Select(s => s.Trim())], TimeSpan.FromMinutes(request.EstimatedMinutes), request.ArrivalWindow,
        Enum.Parse<TicketPriority>(request.Priority ?? nameof(TicketPriority.Routine), ignoreCase: true), request.PreferredTechnicianId?.Trim());

    internal static RequestValidation Validate(CreateTicketRequest r) => new RequestValidation()
        .Require(!string.IsNullOrWhiteSpace(r.CustomerId) && r.CustomerId.Length <= 100, "customerId", "A customer id of 1 to 100 characters is required.")
        .Require(!string.IsNullOrWhiteSpace(r.PropertyId) && r.PropertyId.Length <= 100, "propertyId", "A property id of 1 to 100 characters is required.")
        .Require(r.Location is { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }, "location", "A location with latitude -90..90 and longitude -180..180 is required.")
        .Require(!string.IsNullOrWhiteSpace(r.Address) && r.Address.Length <= 300, "address", "An address of 1 to 300 characters is required.")
        .Require(r.Description is null || r.Description.Length <= 4_000, "description", "The description can have at most 4,000 characters.")
        .Require(r.RequiredSkills is null || (r.RequiredSkills.Count <= 20 && r.RequiredSkills.All(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 50)), "requiredSkills", "At most 20 skills of 1 to 50 characters.")
        .Require(r.EstimatedMinutes is > 0 and <= 24 * 60, "estimatedMinutes", "The estimated duration must be more than 0 and at most 1,440 minutes.")
        .Require(r.ArrivalWindow is null || r.ArrivalWindow.End > r.ArrivalWindow.Start, "arrivalWindow", "The arrival window must end after it starts.")
        .Require(r.Priority is null || (Enum.TryParse<TicketPriority>(r.Priority, ignoreCase: true, out var p) && Enum.IsDefined(p)), "priority", "Priority must be Routine, High or Emergency.")
        .Require(r.PreferredTechnicianId is null || ResourceId.IsValid(r.PreferredTechnicianId.Trim()), "preferredTechnicianId", "A preferred technician must be given by their technician id (32 hex characters).");

    /// <summary>
    /// A preferred technician must be one of the tenant's own: an id of another company's technician (or of nobody) would
    /// otherwise sit on the ticket and silently never count. A point lookup on the tenant's roster. Only for a request
    /// <see cref="Validate"/> accepted.
    /// </summary>
    internal static async Task CheckPreferredTechnicianAsync(CreateTicketRequest r, string tenantId, ITechnicianRoster roster, RequestValidation validation, string field)
    {
        if (r.PreferredTechnicianId?.Trim() is not { } id) return;
        if (!await roster.ContainsAsync(tenantId, id))
            validation.Add(field, $"The preferred technician '{id}' is not a technician of this company.");
    }

    private static ITicketGrain Ticket(IClusterClient grains, ClaimsPrincipal user, string id) => grains.GetGrain<ITicketGrain>(TenantKeys.For(user.GetTenantId(), id));
}

public sealed record CreateTicketRequest(
    string CustomerId, string PropertyId, GeoPoint? Location, string Address, string? Description,
    IReadOnlyList<string>? RequiredSkills, double EstimatedMinutes, TimeWindow? ArrivalWindow, string? Priority, string? PreferredTechnicianId = null);

public sealed record ChangeStatusRequest(string Status, string? Reason, string? TechnicianId, TimeWindow? ArrivalWindow);

public sealed record PinRequest(bool Pinned);
