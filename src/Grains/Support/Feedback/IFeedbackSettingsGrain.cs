using Orleans;

namespace OrleansPortal.Grains.Support.Feedback;

/// <summary>
/// The company's feedback settings and its NPS schedule (one grain per company, key = tenant id). A daily reminder sends
/// the NPS survey to the customers it is due for (<see cref="IFeedbackIndex.NpsDueAsync"/>).
/// </summary>
[Alias("op.IFeedbackSettingsGrain")]
public interface IFeedbackSettingsGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>The settings; <see cref="FeedbackSettings.Defaults"/> until the company sets its own.</summary>
    [Alias("Get")]
    Task<FeedbackSettings> GetAsync();

    /// <summary>Replaces the settings; <see cref="ArgumentException"/> for settings with <see cref="FeedbackSettings.Problem"/>.</summary>
    [Alias("Set")]
    Task<FeedbackSettings> SetAsync(FeedbackSettings settings);

    /// <summary>Makes sure the NPS schedule runs (called whenever a visit's survey goes out; cheap once it does).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Sends the NPS survey to the customers due one now; returns how many were sent. The daily reminder calls it.</summary>
    [Alias("RunNpsRound")]
    Task<int> RunNpsRoundAsync();
}

/// <param name="CsatCaseAtOrBelow">A visit rated at or below this (1-5; 0 never) opens a case.</param>
/// <param name="NpsCaseAtOrBelow">An NPS score at or below this (0-10; -1 never) opens a case: 6 takes every detractor.</param>
/// <param name="NpsEveryDays">How often a customer with a recent visit is asked the NPS question; 0 never.</param>
[GenerateSerializer, Immutable, Alias("op.FeedbackSettings")]
public sealed record FeedbackSettings(int CsatCaseAtOrBelow, int NpsCaseAtOrBelow, int NpsEveryDays)
{
    public static FeedbackSettings Defaults { get; } = new(2, 6, 90);

    public const int MaxNpsEveryDays = 730;

    public string? Problem() =>
        CsatCaseAtOrBelow is < 0 or > 5 ? "The visit rating that opens a case is from 0 (never) to 5."
        : NpsCaseAtOrBelow is < -1 or > 10 ? "The NPS score that opens a case is from -1 (never) to 10."
        : NpsEveryDays is < 0 or > MaxNpsEveryDays ? $"The NPS survey is sent every 0 (never) to {MaxNpsEveryDays} days."
        : NpsEveryDays is > 0 and < 7 ? "Asking the same customer more than once a week tires them: send it every 7 days or more, or never (0)."
        : null;
}
