namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>
/// The company's surveys as rows (table <c>feedback_responses</c>): what the figures, the moderation queue, the public
/// reviews and the NPS schedule read. Written by <see cref="ISurveyGrain"/> only, after its own state.
/// </summary>
public interface IFeedbackIndex
{
    /// <summary>Stores the survey's row as its grain sees it; a row older than the stored one (a late retry) changes nothing.</summary>
    Task RecordAsync(FeedbackRow row, CancellationToken cancellationToken = default);

    /// <summary>The answers given since <paramref name="since"/> (at most <paramref name="limit"/>, newest first).</summary>
    Task<IReadOnlyList<FeedbackRow>> AnsweredAsync(string tenantId, SurveyKind? kind, DateTimeOffset since, int limit, CancellationToken cancellationToken = default);

    /// <summary>How many surveys of each kind were sent since <paramref name="since"/> (for the response rate).</summary>
    Task<IReadOnlyDictionary<SurveyKind, long>> SentAsync(string tenantId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Reviews in <paramref name="status"/>, newest first.</summary>
    Task<IReadOnlyList<FeedbackRow>> ReviewsAsync(string tenantId, ReviewStatus status, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Customers due an NPS survey: a visit's survey sent to them since <paramref name="visitedSince"/> (they are customers
    /// of late) and no NPS survey since <paramref name="askedSince"/>.
    /// </summary>
    Task<IReadOnlyList<string>> NpsDueAsync(string tenantId, DateTimeOffset visitedSince, DateTimeOffset askedSince, int limit, CancellationToken cancellationToken = default);
}

/// <param name="ReviewPhotoIds">The review's photos (empty without a review).</param>
public sealed record FeedbackRow(
    string TenantId,
    string SurveyId,
    SurveyKind Kind,
    string CustomerId,
    string? TicketId,
    string? TechnicianId,
    string? TechnicianName,
    string? About,
    DateTimeOffset IssuedAt,
    DateTimeOffset? AnsweredAt,
    int? Score,
    string? Comment,
    ReviewStatus? ReviewStatus,
    string? ReviewName,
    IReadOnlyList<string> ReviewPhotoIds,
    DateTimeOffset? ModeratedAt,
    string? CaseId,
    DateTimeOffset UpdatedAt)
{
    public static FeedbackRow Of(SurveyView view, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(view);
        var i = view.Invitation;
        return new FeedbackRow(
            view.TenantId, view.SurveyId, i.Kind, i.CustomerId, i.TicketId, i.TechnicianId, i.TechnicianName, i.About, i.IssuedAt,
            view.AnsweredAt, view.Answer?.Score, view.Answer?.Comment, view.ReviewStatus, view.Answer?.Review?.Name,
            view.Answer?.Review?.PhotoIds ?? [], view.ModeratedAt, view.CaseId, updatedAt);
    }
}
