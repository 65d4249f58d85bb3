using Orleans;

namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>
/// A survey's link, keyed by the SHA-256 (hex) of its token (<see cref="SecretToken"/>): the token itself is never stored.
/// The link names one survey of one company; whether the survey still takes an answer is the survey's to say.
/// </summary>
[Alias("op.ISurveyLinkGrain")]
public interface ISurveyLinkGrain : IGrainWithStringKey
{
    /// <summary>Binds the link; <see cref="ConflictException"/> if this hash already names another survey.</summary>
    [Alias("Bind")]
    Task BindAsync(SurveyRef survey);

    /// <summary>The survey, or null for a link never issued.</summary>
    [Alias("Resolve")]
    Task<SurveyRef?> ResolveAsync();
}

[GenerateSerializer, Immutable, Alias("op.SurveyRef")]
public sealed record SurveyRef(string TenantId, string SurveyId);
