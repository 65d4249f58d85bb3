using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Web.Support.Sla;

namespace OrleansPortal.Web.Support.Cases;

/// <summary>
/// A case as its reader sees it. For a customer, <see cref="Entries"/> holds the messages only,
/// <see cref="AssigneeEmail"/> and the SLA timers are null, and <see cref="ExpectedResponseBy"/> says when an answer is
/// due while that promise is kept; the team sees its notes, the history of changes (the SLA's escalations among them)
/// and the timers of the first response and the resolution.
/// </summary>
public sealed record CaseDto(
    string Id,
    long Number,
    string DisplayNumber,
    string CustomerId,
    string Subject,
    string Status,
    string Priority,
    string Category,
    string Channel,
    string? PropertyId,
    string? TicketId,
    string? AssigneeEmail,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    IReadOnlyList<CaseEntryDto> Entries,
    DateTimeOffset? ExpectedResponseBy,
    SlaTimerDto? FirstResponseSla,
    SlaTimerDto? ResolutionSla);

/// <summary>
/// One entry: a message or a note (<see cref="Text"/>, its author), or a change (<see cref="Field"/> from <see cref="From"/>
/// to <see cref="To"/>). <see cref="AuthorKind"/> is Customer or Team.
/// </summary>
public sealed record CaseEntryDto(string Id, string Kind, string AuthorKind, string AuthorName, string Text, DateTimeOffset At, string? Field, string? From, string? To);

/// <summary>
/// A line of a case list: the queue's, or a customer's (without assignee and SLA). The SLA fields are as the case last
/// reported them: each target's state and, while its clock runs, its due time.
/// </summary>
public sealed record CaseSummaryDto(
    string Id,
    long Number,
    string DisplayNumber,
    string CustomerId,
    string Subject,
    string Status,
    string Priority,
    string Category,
    string Channel,
    string? AssigneeEmail,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    string? FirstResponseSla,
    DateTimeOffset? FirstResponseDue,
    string? ResolutionSla,
    DateTimeOffset? ResolutionDue);

/// <summary>What the case form offers: its categories and priorities, as the API spells them.</summary>
public sealed record CaseChoicesDto(IReadOnlyList<string> Categories, IReadOnlyList<string> Priorities, IReadOnlyList<string> Statuses);

public static class CaseDtoMapping
{
    public static CaseDto AsDto(this CaseSnapshot c) => new(
        c.CaseId, c.Number, c.DisplayNumber, c.CustomerId, c.Subject, c.Status.ToString(), c.Priority.ToString(), c.Category.ToString(), c.Channel.ToString(),
        c.PropertyId, c.TicketId, c.AssigneeEmail, c.OpenedAt, c.UpdatedAt, c.FirstResponseAt, c.ResolvedAt, [.. c.Entries.Select(AsDto)],
        c.ExpectedResponseBy, c.FirstResponseSla?.AsDto(), c.ResolutionSla?.AsDto());

    public static CaseEntryDto AsDto(this CaseEntry e) =>
        new(e.Id, e.Kind.ToString(), e.Author.Kind.ToString(), e.Author.DisplayName, e.Text, e.At, e.Field, e.From, e.To);

    public static CaseSummaryDto AsDto(this SupportCaseRow r) => new(
        r.CaseId, r.Number, CaseNumbers.Display(r.Number), r.CustomerId, r.Subject, r.Status.ToString(), r.Priority.ToString(), r.Category.ToString(),
        r.Channel.ToString(), r.AssigneeEmail, r.OpenedAt, r.UpdatedAt, r.FirstResponseAt,
        r.FirstResponseSla.ToString(), r.FirstResponseDue, r.ResolutionSla.ToString(), r.ResolutionDue);

    /// <summary>A customer's list: who on the team has a case, and how it stands against the SLA, are the team's.</summary>
    public static CaseSummaryDto ForCustomer(this CaseSummaryDto c) =>
        c with { AssigneeEmail = null, FirstResponseSla = null, FirstResponseDue = null, ResolutionSla = null, ResolutionDue = null };

    public static readonly CaseChoicesDto Choices = new(Enum.GetNames<CaseCategory>(), Enum.GetNames<CasePriority>(), Enum.GetNames<CaseStatus>());

    /// <summary>The customer's view hides who on the team has the case; messages show the team member's name as written.</summary>
    public static MessageAuthor TeamAuthor(System.Security.Claims.ClaimsPrincipal user, string email) =>
        MessageAuthor.Team(email, user.Identity?.Name ?? email);
}
