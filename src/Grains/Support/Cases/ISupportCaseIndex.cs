using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>
/// Each company's cases as their grains last reported them, in a table of its own: the team's queue with its filters,
/// and a customer's list. Every read and write is scoped by tenant.
/// </summary>
public interface ISupportCaseIndex
{
    /// <summary>
    /// Files a new case: takes the company's next number and writes the row, as one step (a failure takes no number).
    /// Filing a case that is filed already answers its number, so a retried open takes no second one.
    /// </summary>
    Task<long> OpenAsync(SupportCaseRow row, CancellationToken cancellationToken = default);

    /// <summary>Records the case's latest state; an older report (by <see cref="SupportCaseRow.UpdatedAt"/>) never replaces a newer one.</summary>
    Task UpdateAsync(SupportCaseRow row, CancellationToken cancellationToken = default);

    /// <summary>Removes a row filed for an open that then failed to be stored.</summary>
    Task RemoveAsync(string tenantId, string caseId, CancellationToken cancellationToken = default);

    /// <summary>The id of the company's case with this number, or null.</summary>
    Task<string?> FindByNumberAsync(string tenantId, long number, CancellationToken cancellationToken = default);

    /// <summary>The company's cases that match <paramref name="query"/>, most recently changed first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SupportCaseRow>> QueueAsync(string tenantId, SupportCaseQuery query, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many cases still to be worked (new, open, waiting on the customer) each assignee holds, by lower-case email.</summary>
    Task<IReadOnlyDictionary<string, int>> LoadAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// How the company's cases opened in [<paramref name="from"/>, <paramref name="to"/>) kept their SLA targets: per target,
    /// how many were met and how many breached (cases still under way, or without a target, count in neither).
    /// </summary>
    Task<SlaCompliance> ComplianceAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}

/// <summary>Met and breached counts of each target over the cases opened in a period (<see cref="Cases"/> of them).</summary>
public sealed record SlaCompliance(int Cases, int FirstResponseMet, int FirstResponseBreached, int ResolutionMet, int ResolutionBreached);

/// <summary>
/// One case in the queue. <see cref="Number"/> is 0 in a row to be filed (the index gives it one). The SLA columns are as
/// the case last reported them: a due time while its clock runs, and each target's state (Met and Breached are final).
/// </summary>
public sealed record SupportCaseRow(
    string TenantId,
    string CaseId,
    long Number,
    string CustomerId,
    string? OpenedByContactId,
    string? PropertyId,
    string Subject,
    CaseStatus Status,
    CasePriority Priority,
    CaseCategory Category,
    CaseChannel Channel,
    string? AssigneeEmail,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? FirstResponseDue = null,
    DateTimeOffset? ResolutionDue = null,
    SlaState FirstResponseSla = SlaState.None,
    SlaState ResolutionSla = SlaState.None);

/// <summary>
/// The queue's filters; null matches all. <see cref="Unassigned"/> asks for cases nobody has (and then
/// <see cref="AssigneeEmail"/> is ignored).
/// </summary>
public sealed record SupportCaseQuery(
    IReadOnlyList<CaseStatus>? Statuses = null,
    CasePriority? Priority = null,
    CaseCategory? Category = null,
    string? AssigneeEmail = null,
    bool Unassigned = false,
    string? CustomerId = null);
