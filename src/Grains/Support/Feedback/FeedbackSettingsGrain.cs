using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace OrleansPortal.Grains.Support.Feedback;

[GenerateSerializer, Alias("op.FeedbackSettingsState")]
public sealed class FeedbackSettingsState
{
    [Id(0)] public FeedbackSettings? Settings { get; set; }
}

public sealed partial class FeedbackSettingsGrain(
    [PersistentState("feedback-settings")] IPersistentState<FeedbackSettingsState> state,
    IFeedbackIndex index,
    SurveyIssuer issuer,
    DomainClock clock,
    ILogger<FeedbackSettingsGrain> logger) : Grain, IFeedbackSettingsGrain
{
    public const string NpsReminder = "nps";

    /// <summary>A round a day: NPS has no hurry, and a customer due today is as well asked tomorrow morning.</summary>
    private static readonly TimeSpan RoundEvery = TimeSpan.FromDays(1);

    /// <summary>A round sends at most this many, so a company switching NPS on spreads its first wave over days.</summary>
    public const int RoundLimit = 500;

    private bool _scheduled;

    private string TenantId => this.GetPrimaryKeyString();

    private FeedbackSettings Settings => state.State.Settings ?? FeedbackSettings.Defaults;

    public Task<FeedbackSettings> GetAsync() => Task.FromResult(Settings);

    public async Task<FeedbackSettings> SetAsync(FeedbackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem) throw new ArgumentException(problem, nameof(settings));
        state.State.Settings = settings;
        await state.WriteStateAsync();
        await ScheduleAsync();
        return Settings;
    }

    public async Task EnsureScheduledAsync()
    {
        if (!_scheduled) await ScheduleAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != NpsReminder) return;
        try
        {
            await RunNpsRoundAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRoundFailed(exception, TenantId); // the next round tries again; what this one sent is recorded
        }
    }

    public async Task<int> RunNpsRoundAsync()
    {
        var every = Settings.NpsEveryDays;
        if (every == 0) return 0;
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromDays(every);
        var due = await index.NpsDueAsync(TenantId, now - window, now - window, RoundLimit);
        foreach (var customerId in due) await issuer.SendNpsAsync(TenantId, customerId, now);
        return due.Count;
    }

    /// <summary>
    /// Registers the daily round when NPS is on and it is not registered yet (registering again would push the next round
    /// a day further each time, and a company visited daily would never have one), and drops it when NPS is off.
    /// </summary>
    private async Task ScheduleAsync()
    {
        var reminder = await this.GetReminder(NpsReminder);
        if (Settings.NpsEveryDays > 0 && reminder is null) await this.RegisterOrUpdateReminder(NpsReminder, RoundEvery, RoundEvery);
        else if (Settings.NpsEveryDays == 0 && reminder is not null) await this.UnregisterReminder(reminder);
        _scheduled = true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The NPS round of {TenantId} failed; the next one tries again")]
    private partial void LogRoundFailed(Exception exception, string tenantId);
}
