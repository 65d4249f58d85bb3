using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains.Support.Feedback;

namespace OrleansPortal.Web.Support.Feedback;

/// <param name="Days">The period: the last so many days, today included.</param>
/// <param name="ReviewsPage">The company's public reviews page, where approved reviews show.</param>
public sealed record FeedbackSummaryDto(int Days, CsatFigures Csat, NpsFigures Nps, TechnicianCsat[] Technicians, FeedbackWeek[] Weeks, string ReviewsPage);

/// <summary>One answered survey, as the team reads it; <paramref name="Photos"/> are addresses the office can open.</summary>
public sealed record FeedbackResponseDto(
    string SurveyId, string Kind, string CustomerId, string? TicketId, string? TechnicianId, string? TechnicianName, string? About,
    DateTimeOffset AnsweredAt, int Score, string? Comment, string? ReviewStatus, string? ReviewName, string[] Photos, string? CaseId)
{
    public static FeedbackResponseDto Of(FeedbackRow row) => new(
        row.SurveyId, row.Kind.ToString(), row.CustomerId, row.TicketId, row.TechnicianId, row.TechnicianName, row.About, row.AnsweredAt ?? row.IssuedAt,
        row.Score ?? 0, row.Comment, row.ReviewStatus?.ToString(), row.ReviewName,
        [.. row.ReviewPhotoIds.Select(p => $"/api/v1/support/feedback/reviews/{row.SurveyId}/photos/{p}")], row.CaseId);
}

/// <param name="Decision">"Approved" or "Rejected".</param>
public sealed record ReviewModerationRequest([property: MaxLength(20)] string? Decision);

public sealed record FeedbackSettingsDto(int CsatCaseAtOrBelow, int NpsCaseAtOrBelow, int NpsEveryDays)
{
    public static FeedbackSettingsDto Of(FeedbackSettings s) => new(s.CsatCaseAtOrBelow, s.NpsCaseAtOrBelow, s.NpsEveryDays);
}

public sealed record FeedbackSettingsRequest(int? CsatCaseAtOrBelow, int? NpsCaseAtOrBelow, int? NpsEveryDays);
