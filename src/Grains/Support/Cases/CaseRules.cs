namespace OrleansPortal.Grains.Support.Cases;

/// <summary>The limits of a case, checked at the web edge (to answer 400 naming the field) and again by the grain.</summary>
public static class CaseRules
{
    public const int MaxSubjectLength = 200;
    public const int MaxTextLength = 4000;

    public static string? SubjectProblem(string? subject) =>
        (subject?.Trim().Length ?? 0) switch
        {
            0 => "A case needs a subject.",
            > MaxSubjectLength => $"The subject can have at most {MaxSubjectLength} characters.",
            _ => null,
        };

    public static string? TextProblem(string? text) =>
        (text?.Trim().Length ?? 0) switch
        {
            0 => "The text is required.",
            > MaxTextLength => $"The text can have at most {MaxTextLength} characters.",
            _ => null,
        };

    /// <summary>
    /// Which status the team may move a case to from where it is: anything not closed may be opened, set waiting or
    /// resolved; only a resolved case may be closed; a closed one stays closed.
    /// </summary>
    public static bool TeamMayMove(CaseStatus from, CaseStatus to) => (from, to) switch
    {
        (CaseStatus.Closed, _) => false,
        (_, CaseStatus.New) => false,
        (CaseStatus.Resolved, CaseStatus.Closed) => true,
        (_, CaseStatus.Closed) => false,
        _ => true,
    };
}
