namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>The limits of a survey's answer, checked by the web edge before the grain (which checks again).</summary>
public static class SurveyRules
{
    public const int MaxCommentLength = 2000;
    public const int MaxReviewNameLength = 60;
    public const int MaxReviewPhotos = 3;

    /// <summary>How long a survey link works: long enough for a customer who reads mail weekly, short enough that old links die.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static (int Min, int Max) Scale(SurveyKind kind) => kind == SurveyKind.Csat ? (1, 5) : (0, 10);

    /// <summary>Why <paramref name="answer"/> cannot be taken for a survey of <paramref name="kind"/>, or null.</summary>
    public static string? Problem(SurveyKind kind, SurveyAnswer answer)
    {
        var (min, max) = Scale(kind);
        if (answer.Score < min || answer.Score > max) return $"The score is from {min} to {max}.";
        if (answer.Comment is { Length: > MaxCommentLength }) return $"A comment has at most {MaxCommentLength} characters.";
        if (answer.Review is not { } review) return null;
        if (kind != SurveyKind.Csat) return "Only a visit's survey can be shared as a review.";
        if (string.IsNullOrWhiteSpace(answer.Comment)) return "A review needs a few words in the comment.";
        if (string.IsNullOrWhiteSpace(review.Name) || review.Name.Trim().Length > MaxReviewNameLength)
            return $"A review needs the name to show with it, at most {MaxReviewNameLength} characters.";
        if (review.PhotoIds.Count > MaxReviewPhotos) return $"A review has at most {MaxReviewPhotos} photos.";
        if (review.PhotoIds.Any(id => id is not { Length: 32 } || !id.All(char.IsAsciiHexDigitLower))) return "A review's photo is not one of ours.";
        return null;
    }

    /// <summary>Whether a score is low enough for the company to want a case opened (at or below its threshold).</summary>
    public static bool IsLow(SurveyKind kind, int score, FeedbackSettings settings) =>
        score <= (kind == SurveyKind.Csat ? settings.CsatCaseAtOrBelow : settings.NpsCaseAtOrBelow);
}
