namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>What the case a low score opens says: the score in the subject, the customer's own words in the text.</summary>
public static class FeedbackCaseText
{
    public static (string Subject, string Text) For(SurveyInvitation invitation, SurveyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(answer);
        var subject = invitation.Kind == SurveyKind.Csat
            ? $"Rated the visit {answer.Score}/5" + (invitation.About is { Length: > 0 } about ? $": {about}" : "")
            : $"Scored {answer.Score}/10 in the recommendation survey";
        var lines = new List<string>();
        if (invitation.TechnicianName is { Length: > 0 } technician) lines.Add($"Technician: {technician}");
        lines.Add(answer.Comment is { Length: > 0 } comment ? comment : "(The customer left no comment.)");
        return (Cut(subject, Cases.CaseRules.MaxSubjectLength), Cut(string.Join("\n\n", lines), Cases.CaseRules.MaxTextLength));
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
