using Orleans;

namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>What a survey asks. Stored by name in <c>feedback_responses</c>: members are only ever added.</summary>
[GenerateSerializer, Alias("op.SurveyKind")]
public enum SurveyKind
{
    /// <summary>After a completed visit: how satisfied (1 to 5), rated for the visit's technician.</summary>
    Csat,

    /// <summary>On the company's schedule: how likely to recommend us (0 to 10).</summary>
    Nps,
}

/// <summary>Where a review a customer offered for publication stands; only approved reviews are ever shown publicly.</summary>
[GenerateSerializer, Alias("op.ReviewStatus")]
public enum ReviewStatus
{
    Pending,
    Approved,
    Rejected,
}
