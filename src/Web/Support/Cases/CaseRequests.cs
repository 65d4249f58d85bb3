using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>A case a customer opens from the portal. Category and priority by name (see GET .../cases/choices); property and job optional.</summary>
public sealed record OpenCaseRequest(
    [property: MaxLength(20)] string? Category,
    [property: MaxLength(20)] string? Priority,
    [property: MaxLength(CaseRules.MaxSubjectLength)] string? Subject,
    [property: MaxLength(CaseRules.MaxTextLength)] string? Description,
    [property: MaxLength(InputLimits.Id)] string? PropertyId,
    [property: MaxLength(InputLimits.Id)] string? TicketId)
{
    /// <summary>The parsed form, or null with the problems in <paramref name="validation"/>. Ownership of the property and job is the caller's to check.</summary>
    public (CaseCategory Category, CasePriority Priority, string Subject, string Description)? Parse(RequestValidation validation)
    {
        var category = CaseCategory.Question;
        var priority = CasePriority.Normal;
        validation
            .Require(Category is null || EnumName.TryParse(Category, out category), "category", $"The category is one of {string.Join(", ", Enum.GetNames<CaseCategory>())}.")
            .Require(Priority is null || EnumName.TryParse(Priority, out priority), "priority", $"The priority is one of {string.Join(", ", Enum.GetNames<CasePriority>())}.")
            .Text(Subject, "subject", CaseRules.MaxSubjectLength, $"A subject of 1 to {CaseRules.MaxSubjectLength} characters is required.")
            .Text(Description, "description", CaseRules.MaxTextLength, $"A description of 1 to {CaseRules.MaxTextLength} characters is required.", multiline: true)
            .Id(PropertyId, "propertyId", "A property", required: false)
            .Id(TicketId, "ticketId", "A job", required: false);
        return validation.IsValid ? (category, priority, Subject!.Trim(), Description!.Trim()) : null;
    }
}

/// <summary>A message to a case. The team may say which status it leaves the case in (WaitingOnCustomer by default; Open or Resolved).</summary>
public sealed record CaseReplyRequest([property: MaxLength(CaseRules.MaxTextLength)] string? Text, [property: MaxLength(20)] string? Status)
{
    public (string Text, CaseStatus? Status)? Parse(RequestValidation validation, bool team)
    {
        CaseStatus status = default;
        validation
            .Text(Text, "text", CaseRules.MaxTextLength, $"A message of 1 to {CaseRules.MaxTextLength} characters is required.", multiline: true)
            .Require(Status is null || (team && EnumName.TryParse(Status, out status) && status is CaseStatus.Open or CaseStatus.WaitingOnCustomer or CaseStatus.Resolved),
                "status", team ? "A reply leaves the case Open, WaitingOnCustomer or Resolved." : "Only the team sets a case's status.");
        return validation.IsValid ? (Text!.Trim(), Status is null ? null : status) : null;
    }
}

/// <summary>An internal note of the team.</summary>
public sealed record CaseNoteRequest([property: MaxLength(CaseRules.MaxTextLength)] string? Text);

/// <summary>What the team changes on a case: any of status, priority, category, assignee (a dispatcher's email; "" or unassign: true for nobody).</summary>
public sealed record CaseUpdateRequest(
    [property: MaxLength(20)] string? Status,
    [property: MaxLength(20)] string? Priority,
    [property: MaxLength(20)] string? Category,
    [property: MaxLength(InputLimits.Email)] string? AssigneeEmail,
    bool? Unassign)
{
    public CaseUpdate? Parse(RequestValidation validation, IReadOnlyList<string> team)
    {
        CaseStatus status = default;
        CasePriority priority = default;
        CaseCategory category = default;
        var unassign = Unassign == true || AssigneeEmail is { Length: 0 };
        var assignee = unassign ? null : team.FirstOrDefault(e => e.Equals(AssigneeEmail?.Trim(), StringComparison.OrdinalIgnoreCase));
        validation
            .Require(Status is null || EnumName.TryParse(Status, out status), "status", $"The status is one of {string.Join(", ", Enum.GetNames<CaseStatus>())}.")
            .Require(Priority is null || EnumName.TryParse(Priority, out priority), "priority", $"The priority is one of {string.Join(", ", Enum.GetNames<CasePriority>())}.")
            .Require(Category is null || EnumName.TryParse(Category, out category), "category", $"The category is one of {string.Join(", ", Enum.GetNames<CaseCategory>())}.")
            .Require(unassign || AssigneeEmail is null || assignee is not null, "assigneeEmail", "A case is assigned to someone of the team (a dispatcher's sign-in email).");
        if (!validation.IsValid) return null;
        return new CaseUpdate(Status is null ? null : status, Priority is null ? null : priority, Category is null ? null : category, assignee, unassign);
    }
}

/// <summary>The case a duplicate is merged into, by its number: "C-00042" or "42".</summary>
public sealed partial record MergeCaseRequest([property: MaxLength(20)] string? Into)
{
    public static long? NumberOf(string? into) =>
        into is not null && CaseNumber().Match(into.Trim()) is { Success: true } m && long.TryParse(m.Groups["n"].Value, out var n) && n > 0 ? n : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(C-)?(?<n>\d{1,12})$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CaseNumber();
}
