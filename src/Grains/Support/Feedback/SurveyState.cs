using Orleans;

namespace OrleansPortal.Grains.Support.Feedback;

[GenerateSerializer, Alias("op.SurveyState")]
public sealed class SurveyState
{
    [Id(0)] public SurveyInvitation? Invitation { get; set; }
    [Id(1)] public SurveyAnswer? Answer { get; set; }
    [Id(2)] public DateTimeOffset? AnsweredAt { get; set; }
    [Id(3)] public ReviewStatus? ReviewStatus { get; set; }
    [Id(4)] public string? ModeratedBy { get; set; }
    [Id(5)] public DateTimeOffset? ModeratedAt { get; set; }

    /// <summary>The case a low score opened (its id is fixed when the answer is stored, so opening it again finds it).</summary>
    [Id(6)] public string? CaseId { get; set; }

    /// <summary>A low score whose case is not open yet.</summary>
    [Id(7)] public bool CaseDue { get; set; }

    /// <summary>A change the company's figures do not show yet.</summary>
    [Id(8)] public bool SyncDue { get; set; }

    /// <summary>When the state last changed: the row's version in the index.</summary>
    [Id(9)] public DateTimeOffset UpdatedAt { get; set; }
}
