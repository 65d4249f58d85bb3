namespace OrleansPortal.Web.Support.Feedback;

/// <summary>The public addresses of surveys and reviews.</summary>
public static class FeedbackPaths
{
    public static string Reviews(string company) => $"/reviews/{Uri.EscapeDataString(company)}";

    public static string ReviewPhoto(string company, string surveyId, string photoId) => $"{Reviews(company)}/photos/{surveyId}/{photoId}";
}
