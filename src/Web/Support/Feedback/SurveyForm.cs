using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrleansPortal.Grains.Support.Feedback;
using OrleansPortal.Web.Documents;
using OrleansPortal.Web.Uploads;

namespace OrleansPortal.Web.Support.Feedback;

/// <summary>
/// Reads a survey's posted form: the score, the comment, and when the customer shares it as a review, the name to show
/// and up to <see cref="SurveyRules.MaxReviewPhotos"/> photos, each re-encoded by <see cref="ImageSanitizer"/> before
/// it is stored. What cannot be taken comes back as one sentence for the page to show over the form.
/// </summary>
public sealed class SurveyForm(PhotoStore photos, IOptions<DocumentsOptions> options)
{
    private const long FormOverhead = 64 * 1024;

    public long MaxRequestBytes => options.Value.MaxPhotoBytes * SurveyRules.MaxReviewPhotos + FormOverhead;

    public sealed record Posted(int? Score, string? Comment, bool Share, string? ReviewName);

    /// <returns>The answer to give, or what was posted (to show again) and why it cannot be taken.</returns>
    public async Task<(SurveyAnswer? Answer, Posted Posted, string? Problem)> ReadAsync(HttpRequest request, SurveyKind kind, CancellationToken cancellationToken)
    {
        var empty = new Posted(null, null, false, null);
        if (!request.HasFormContentType) return (null, empty, "Send the survey as a form.");
        if (request.ContentLength > MaxRequestBytes) return (null, empty, TooLarge);
        var (form, unreadable) = await UploadForm.ReadAsync(request, new FormOptions { MultipartBodyLengthLimit = MaxRequestBytes }, cancellationToken);
        if (form is null) return (null, empty, "The form could not be read: " + unreadable);

        int? score = int.TryParse(form["score"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
        var comment = form["comment"].ToString().Trim();
        var share = kind == SurveyKind.Csat && form["share"].ToString() == "yes";
        var name = form["reviewName"].ToString().Trim();
        var posted = new Posted(score, comment, share, name);
        var (min, max) = SurveyRules.Scale(kind);
        if (score is null || score < min || score > max) return (null, posted, $"Choose a score from {min} to {max}.");
        if (comment.Length > SurveyRules.MaxCommentLength) return (null, posted, $"A comment has at most {SurveyRules.MaxCommentLength} characters.");
        if (!share) return (new SurveyAnswer(score.Value, comment.Length == 0 ? null : comment, null), posted, null);

        if (comment.Length == 0) return (null, posted, "A review needs a few words in the comment.");
        if (name.Length is 0 or > SurveyRules.MaxReviewNameLength) return (null, posted, $"Give the name to show with your review (at most {SurveyRules.MaxReviewNameLength} characters).");
        var files = form.Files.GetFiles("photos").Where(f => f.Length > 0).ToList();
        if (files.Count > SurveyRules.MaxReviewPhotos) return (null, posted, $"A review has at most {SurveyRules.MaxReviewPhotos} photos.");
        if (files.Any(f => f.Length > options.Value.MaxPhotoBytes)) return (null, posted, TooLarge);

        // Every photo is checked before any is stored, so a refused form leaves nothing behind.
        var clean = new List<CleanImage>();
        foreach (var file in files)
        {
            var (image, problem) = await ImageSanitizer.SanitizeAsync(file, cancellationToken);
            if (image is null) return (null, posted, $"{file.FileName}: {problem}");
            clean.Add(image);
        }

        var ids = new List<string>();
        foreach (var image in clean) ids.Add(await photos.SaveAsync(image.Bytes, cancellationToken));
        return (new SurveyAnswer(score.Value, comment, new OfferedReview(name, ids)), posted, null);
    }

    private string TooLarge => $"A photo can be at most {options.Value.MaxPhotoBytes / (1024 * 1024)} MB, and a review has at most {SurveyRules.MaxReviewPhotos}.";
}
