using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Companies;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Hosting;
using OrleansPortal.Web.Identity;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>
/// The team's side of support cases (dispatchers of the company): the queue with its filters, a case with its whole
/// history, replies, internal notes, and changes of status, priority, category and assignee. Another company's case
/// answers 404 like one that does not exist.
/// </summary>
public static class SupportCasesApi
{
    public const int QueueSize = 200;

    public static RouteGroupBuilder MapSupportCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/support/cases").WithTags("Support").RequireAuthorization(PortalClaims.DispatcherPolicy);
        group.MapGet("/", QueueAsync).WithSummary(
            $"The queue, most recently changed first (at most {QueueSize}): filter by status (comma-separated), priority, category, assignee (an email, or \"none\") and customerId.");
        group.MapGet("/choices", ChoicesAsync).WithSummary("The statuses, priorities and categories, and the team members a case may be assigned to.");
        group.MapGet("/{caseId}", GetAsync).WithSummary("One case with its messages, notes and history.");
        group.MapPost("/{caseId}/replies", ReplyAsync).WithSummary("Answers the customer; the case then waits on them, unless status says Open or Resolved.");
        group.MapPost("/{caseId}/notes", NoteAsync).WithSummary("Adds an internal note (never shown to the customer).");
        group.MapPost("/{caseId}/merge", MergeAsync).WithSummary(
            "Merges this case, a duplicate, into another of the same customer's (`into`: its number, \"C-00042\" or 42): the messages move there and this case closes. 409 for another customer's case or a closed one.");
        group.MapPatch("/{caseId}", UpdateAsync).WithSummary("Changes status, priority, category or assignee; each change goes into the history. A closed case answers 409.");
        return group;
    }

    private static async Task<Results<Ok<CaseSummaryDto[]>, ValidationProblem>> QueueAsync(
        string? status, string? priority, string? category, string? assignee, string? customerId, ClaimsPrincipal user, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var statuses = new List<CaseStatus>();
        foreach (var name in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnumName.TryParse<CaseStatus>(name, out var parsed)) statuses.Add(parsed);
            else validation.Add("status", $"Statuses are among {string.Join(", ", Enum.GetNames<CaseStatus>())}, separated by commas.");
        }

        CasePriority p = default;
        CaseCategory c = default;
        validation
            .Require(priority is null || EnumName.TryParse(priority, out p), "priority", $"The priority is one of {string.Join(", ", Enum.GetNames<CasePriority>())}.")
            .Require(category is null || EnumName.TryParse(category, out c), "category", $"The category is one of {string.Join(", ", Enum.GetNames<CaseCategory>())}.")
            .Require(assignee is null || assignee.Length <= InputLimits.Email, "assignee", "An assignee is a team member's email, or \"none\".")
            .Id(customerId, "customerId", "A customer", required: false);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);

        var unassigned = string.Equals(assignee, "none", StringComparison.OrdinalIgnoreCase);
        var query = new SupportCaseQuery(statuses.Count == 0 ? null : statuses, priority is null ? null : p, category is null ? null : c,
            unassigned ? null : assignee, unassigned, customerId);
        var rows = await index.QueueAsync(user.GetTenantId(), query, QueueSize, cancellationToken);
        return TypedResults.Ok(rows.Select(r => r.AsDto()).ToArray());
    }

    private static async Task<Ok<SupportChoicesDto>> ChoicesAsync(ClaimsPrincipal user, IClusterClient grains) =>
        TypedResults.Ok(new SupportChoicesDto(CaseDtoMapping.Choices, await TeamAsync(grains, user)));

    private static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(string caseId, ClaimsPrincipal user, IClusterClient grains) =>
        await FindAsync(grains, user, caseId) is { } found ? TypedResults.Ok(found.AsDto()) : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem>> ReplyAsync(string caseId, CaseReplyRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await FindAsync(grains, user, caseId) is null) return TypedResults.NotFound();
        var validation = new RequestValidation();
        if (request.Parse(validation, team: true) is not { } reply) return TypedResults.ValidationProblem(validation.Errors);
        var updated = await Case(grains, user, caseId).ReplyAsync(new CaseReply(Me(user), reply.Text, [], reply.Status));
        return TypedResults.Ok(updated.AsDto());
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem>> NoteAsync(string caseId, CaseNoteRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await FindAsync(grains, user, caseId) is null) return TypedResults.NotFound();
        var validation = new RequestValidation().Text(request.Text, "text", CaseRules.MaxTextLength, $"A note of 1 to {CaseRules.MaxTextLength} characters is required.", multiline: true);
        if (!validation.IsValid) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Case(grains, user, caseId).AddNoteAsync(Me(user), request.Text!.Trim())).AsDto());
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem>> UpdateAsync(string caseId, CaseUpdateRequest request, ClaimsPrincipal user, IClusterClient grains)
    {
        if (await FindAsync(grains, user, caseId) is null) return TypedResults.NotFound();
        var validation = new RequestValidation();
        if (request.Parse(validation, await TeamAsync(grains, user)) is not { } update) return TypedResults.ValidationProblem(validation.Errors);
        return TypedResults.Ok((await Case(grains, user, caseId).UpdateAsync(update, Me(user))).AsDto());
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem>> MergeAsync(
        string caseId, MergeCaseRequest request, ClaimsPrincipal user, IClusterClient grains, ISupportCaseIndex index, CancellationToken cancellationToken)
    {
        if (await FindAsync(grains, user, caseId) is null) return TypedResults.NotFound();
        var target = MergeCaseRequest.NumberOf(request.Into) is { } number ? await index.FindByNumberAsync(user.GetTenantId(), number, cancellationToken) : null;
        if (target is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["into"] = ["The case to merge into is named by its number (C-00042 or 42), of this company."] });
        return TypedResults.Ok((await Case(grains, user, caseId).MergeIntoAsync(target, Me(user))).AsDto());
    }

    private static async Task<CaseSnapshot?> FindAsync(IClusterClient grains, ClaimsPrincipal user, string caseId)
    {
        if (!ResourceId.IsValid(caseId)) return null;
        try
        {
            return await Case(grains, user, caseId).GetAsync(ConversationReader.Team);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static Task<IReadOnlyList<string>> TeamAsync(IClusterClient grains, ClaimsPrincipal user) =>
        grains.GetGrain<ICompanyGrain>(user.GetTenantId()).GetDispatchersAsync();

    private static MessageAuthor Me(ClaimsPrincipal user) => CaseDtoMapping.TeamAuthor(user, user.GetEmail());

    private static ICaseGrain Case(IClusterClient grains, ClaimsPrincipal user, string caseId) =>
        grains.GetGrain<ICaseGrain>(TenantKeys.For(user.GetTenantId(), caseId));
}

/// <summary>The case fields' values, and who a case may be assigned to (the dispatchers' sign-in emails).</summary>
public sealed record SupportChoicesDto(CaseChoicesDto Fields, IReadOnlyList<string> Team);
