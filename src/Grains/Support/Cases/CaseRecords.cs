using Orleans;
using OrleansPortal.Grains.Conversations;
using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>A case to open; the grain gives it its number and times.</summary>
/// <param name="Author">Who opens it: a contact of the customer, or someone of the team on their behalf.</param>
/// <param name="PropertyId">The customer's property it concerns, if any (checked by the web edge).</param>
/// <param name="TicketId">The job it concerns, if any (checked by the web edge).</param>
[GenerateSerializer, Immutable, Alias("op.NewCase")]
public sealed record NewCase(
    string CustomerId,
    MessageAuthor Author,
    CaseChannel Channel,
    CaseCategory Category,
    CasePriority Priority,
    string Subject,
    string Description,
    IReadOnlyList<MessageAttachment> Attachments,
    string? PropertyId = null,
    string? TicketId = null,
    string? SourceId = null);

/// <summary>
/// One entry of a case's history. A <see cref="CaseEntryKind.Change"/> names the <paramref name="Field"/> that changed
/// (status, priority, category, assignee) with its values <paramref name="From"/> and <paramref name="To"/>, and has no text.
/// <paramref name="SourceId"/> names where a message came from when that can repeat (an email's Message-Id): the same
/// source is added once.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.CaseEntry")]
public sealed record CaseEntry(
    string Id,
    CaseEntryKind Kind,
    MessageAuthor Author,
    string Text,
    IReadOnlyList<MessageAttachment> Attachments,
    DateTimeOffset At,
    string? Field = null,
    string? From = null,
    string? To = null,
    string? SourceId = null);

/// <summary>
/// A message to add to a case; a team member may set the status it leaves the case in (the default: waiting on the
/// customer). With a <paramref name="SourceId"/> (an email's Message-Id) the same message delivered twice is added once.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.CaseReply")]
public sealed record CaseReply(MessageAuthor Author, string Text, IReadOnlyList<MessageAttachment> Attachments, CaseStatus? ThenStatus = null, string? SourceId = null);

/// <summary>What the team changes on a case; null leaves a field as it is. <paramref name="Unassign"/> clears the assignee.</summary>
[GenerateSerializer, Immutable, Alias("op.CaseUpdate")]
public sealed record CaseUpdate(CaseStatus? Status = null, CasePriority? Priority = null, CaseCategory? Category = null, string? AssigneeEmail = null, bool Unassign = false);

/// <summary>
/// A case as one reader may see it: a customer's view holds the messages only; the team's also its notes and changes,
/// and its SLA timers (<paramref name="FirstResponseSla"/>, <paramref name="ResolutionSla"/>). The customer sees only when
/// an answer is expected (<paramref name="ExpectedResponseBy"/>, while the first-response target is still being kept).
/// </summary>
[GenerateSerializer, Immutable, Alias("op.CaseSnapshot")]
public sealed record CaseSnapshot(
    string TenantId,
    string CaseId,
    long Number,
    string CustomerId,
    string? OpenedByContactId,
    CaseChannel Channel,
    CaseCategory Category,
    CasePriority Priority,
    CaseStatus Status,
    string Subject,
    string? PropertyId,
    string? TicketId,
    string? AssigneeEmail,
    IReadOnlyList<CaseEntry> Entries,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    SlaTimer? FirstResponseSla = null,
    SlaTimer? ResolutionSla = null,
    DateTimeOffset? ExpectedResponseBy = null)
{
    public string DisplayNumber => CaseNumbers.Display(Number);
}
