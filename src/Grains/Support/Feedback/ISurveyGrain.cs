using Orleans;

namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>
/// One survey sent to one customer, keyed "{tenantId}:{surveyId}": what it asks (<see cref="SurveyInvitation"/>), the
/// answer once given, and the review the customer offered with it. The answer is stored first; the company's figures
/// (<see cref="IFeedbackIndex"/>) and, for a low score, a support case follow, retried until they are done.
/// Throws <see cref="NotFoundException"/> for a survey never issued and <see cref="ConflictException"/> for a second answer.
/// </summary>
[Alias("op.ISurveyGrain")]
public interface ISurveyGrain : IGrainWithStringKey
{
    /// <summary>Files the survey; issuing the same invitation again changes nothing.</summary>
    [Alias("Issue")]
    Task<SurveyView> IssueAsync(SurveyInvitation invitation);

    [Alias("Get")]
    Task<SurveyView> GetAsync();

    /// <summary>Takes the customer's answer (once); <see cref="ArgumentException"/> for what breaks <see cref="SurveyRules"/>, <see cref="ConflictException"/> when expired or answered.</summary>
    [Alias("Answer")]
    Task<SurveyView> AnswerAsync(SurveyAnswer answer);

    /// <summary>The team approves or rejects the survey's review (again, to change its mind); <see cref="ConflictException"/> when there is no review.</summary>
    [Alias("Moderate")]
    Task<SurveyView> ModerateAsync(ReviewStatus decision, string by);
}

/// <summary>What a survey asks of whom.</summary>
/// <param name="TicketId">The completed visit a CSAT survey is about (none for NPS).</param>
/// <param name="TechnicianId">The visit's technician, who the rating counts for.</param>
/// <param name="About">What the page names: the visit's description (CSAT), or nothing (NPS).</param>
[GenerateSerializer, Immutable, Alias("op.SurveyInvitation")]
public sealed record SurveyInvitation(
    SurveyKind Kind, string CustomerId, string? TicketId, string? TechnicianId, string? TechnicianName, string? About, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>A customer's answer; <paramref name="Review"/> when they let the company show it publicly (after moderation).</summary>
[GenerateSerializer, Immutable, Alias("op.SurveyAnswer")]
public sealed record SurveyAnswer(int Score, string? Comment, OfferedReview? Review);

/// <summary>The name to show with a review, and its photos (ids in the photo store, already sanitized by the web edge).</summary>
[GenerateSerializer, Immutable, Alias("op.OfferedReview")]
public sealed record OfferedReview(string Name, IReadOnlyList<string> PhotoIds);

/// <param name="CaseId">The case a low score opened, once it is open.</param>
[GenerateSerializer, Immutable, Alias("op.SurveyView")]
public sealed record SurveyView(
    string TenantId,
    string SurveyId,
    SurveyInvitation Invitation,
    SurveyAnswer? Answer,
    DateTimeOffset? AnsweredAt,
    ReviewStatus? ReviewStatus,
    string? ModeratedBy,
    DateTimeOffset? ModeratedAt,
    string? CaseId)
{
    public bool IsOpenAt(DateTimeOffset now) => Answer is null && now < Invitation.ExpiresAt;
}
