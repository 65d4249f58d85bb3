using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Customers;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;
using OrleansPortal.Web.Portal;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>
/// The signed-in contact's support cases: open one, list them, read one, reply. A contact sees their customer's cases;
/// a property manager only those they opened or about a property granted to them. A case they may not see answers 404
/// whether it exists or not, so ids cannot be probed. The team's notes, changes and assignee never appear here.
/// </summary>
public static class PortalCasesApi
{
    public const int ListSize = 100;

    public static RouteGroupBuilder MapPortalCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/portal/cases").WithTags("Portal support").RequireAuthorization(PortalClaims.CustomerPolicy);
        group.MapGet("/", ListAsync).WithSummary($"The contact's cases, most recently changed first (at most {ListSize}).");
        group.MapPost("/", OpenAsync).WithSummary(
            "Opens a case: subject and description required; category (Question by default), priority (Normal), and the property or job it concerns, optional " +
            "(404 for one that is not the contact's to name).");
        group.MapGet("/{caseId}", GetAsync).WithSummary("One case with its messages.");
        group.MapPost("/{caseId}/replies", ReplyAsync).WithSummary("Adds the contact's message; a waiting or resolved case is open again. A closed case answers 409.");
        return group;
    }

    private static async Task<Ok<CaseSummaryDto[]>> ListAsync(ClaimsPrincipal user, IClusterClient grains, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        var rows = await index.QueueAsync(user.GetTenantId(), new SupportCaseQuery(CustomerId: user.GetCustomerId()), ListSize, cancellationToken);
        var granted = await PortalAccess.GrantedPropertiesAsync(grains, user);
        return TypedResults.Ok(rows.Where(r => Visible(user, granted, r.OpenedByContactId, r.PropertyId)).Select(r => r.AsDto().ForCustomer()).ToArray());
    }

    private static async Task<Results<Created<CaseDto>, NotFound, ValidationProblem>> OpenAsync(OpenCaseRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        var validation = new RequestValidation();
        if (request.Parse(validation) is not { } form) return TypedResults.ValidationProblem(validation.Errors);
        // Another customer's property or job, or one a property manager was not granted, is not found: as anywhere in the
        // portal, naming it tells nothing of whether it exists.
        var customer = PortalAccess.CustomerOf(grains, user);
        if (request.PropertyId is { } propertyId && !(await customer.GetVisiblePropertyIdsAsync(user.GetContactId())).Contains(propertyId)) return TypedResults.NotFound();
        var propertyOfCase = request.PropertyId;
        if (request.TicketId is { } ticketId)
        {
            if (await PortalAccess.VisibleJobAsync(grains, user, ticketId) is not { } job) return TypedResults.NotFound();
            propertyOfCase ??= job.Details.PropertyId; // a case about a job is about its site too (who may see it follows)
        }

        var contact = await customer.GetContactAsync(user.GetContactId());
        var caseId = TenantKeys.NewId();
        await Case(grains, user, caseId).OpenAsync(new NewCase(user.GetCustomerId(), MessageAuthor.Customer(contact.ContactId, contact.Name),
            CaseChannel.Portal, form.Category, form.Priority, form.Subject, form.Description, [], propertyOfCase, request.TicketId));
        return TypedResults.Created($"/api/v1/portal/cases/{caseId}", (await Case(grains, user, caseId).GetAsync(Reader(user))).AsDto());
    }

    private static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(string caseId, ClaimsPrincipal user, IClusterClient grains) =>
        await VisibleAsync(grains, user, caseId) is { } found ? TypedResults.Ok(found.AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem>> ReplyAsync(string caseId, CaseReplyRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await VisibleAsync(grains, user, caseId) is null) return TypedResults.NotFound();
        var validation = new RequestValidation();
        if (request.Parse(validation, team: false) is not { } reply) return TypedResults.ValidationProblem(validation.Errors);
        var contact = await PortalAccess.CustomerOf(grains, user).GetContactAsync(user.GetContactId());
        var updated = await Case(grains, user, caseId).ReplyAsync(new CaseReply(MessageAuthor.Customer(contact.ContactId, contact.Name), reply.Text, []));
        return TypedResults.Ok(updated.AsDto());
    }

    /// <summary>The case as this contact sees it, or null when they may not (or it does not exist, or the id is malformed).</summary>
    private static async Task<CaseSnapshot?> VisibleAsync(IClusterClient grains, ClaimsPrincipal user, string caseId)
    {
        if (!ResourceId.IsValid(caseId)) return null;
        CaseSnapshot found;
        try
        {
            found = await Case(grains, user, caseId).GetAsync(Reader(user));
        }
        catch (NotFoundException)
        {
            return null;
        }

        if (found.CustomerId != user.GetCustomerId()) return null;
        var granted = await PortalAccess.GrantedPropertiesAsync(grains, user);
        return Visible(user, granted, found.OpenedByContactId, found.PropertyId) ? found : null;
    }

    /// <summary>Every contact sees the customer's cases, except that a property manager sees only their own and those about a property granted to them.</summary>
    private static bool Visible(ClaimsPrincipal user, HashSet<string>? granted, string? openedBy, string? propertyId) =>
        granted is null || openedBy == user.GetContactId() || (propertyId is not null && granted.Contains(propertyId));

    private static ICaseGrain Case(IClusterClient grains, ClaimsPrincipal user, string caseId) =>
        grains.GetGrain<ICaseGrain>(TenantKeys.For(user.GetTenantId(), caseId));

    private static ConversationReader Reader(ClaimsPrincipal user) => ConversationReader.Contact(user.GetContactId());
}
