using Orleans;

namespace OrleansPortal.Grains.Routing.Learning;

/// <summary>
/// One per company (key: tenant id): the nightly schedule of retraining the company's travel times from its ping
/// history, as an Orleans reminder, so it survives restarts and fires on whichever node holds the grain then.
/// </summary>
[Alias("op.ITravelModelGrain")]
public interface ITravelModelGrain : IGrainWithStringKey, IRemindable
{
    /// <summary>
    /// Makes sure retraining is scheduled every night at <see cref="TravelModelSchedule.LocalHour"/> in
    /// <paramref name="timeZoneId"/>; idempotent and cheap when it already is.
    /// </summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync(string timeZoneId);

    /// <summary>When retraining next runs, or null when it is not scheduled.</summary>
    [Alias("NextRun")]
    Task<DateTimeOffset?> NextRunAsync();
}

/// <summary>The host's side of retraining: the work runs on the host (minutes of CPU), not inside a grain call.</summary>
public interface ICompanyModelTrainer
{
    /// <summary>Starts retraining the company's model in the background, unless it is already running.</summary>
    void Start(string tenantId, string timeZoneId);
}

public static class TravelModelSchedule
{
    public const string ReminderName = "retrain-travel-times";

    /// <summary>The night's quiet hour: little driving to disturb, the day's pings all stored.</summary>
    public const int LocalHour = 3;

    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    /// <summary>The next <see cref="LocalHour"/> o'clock in the zone, strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = local.Date.AddHours(LocalHour);
        if (candidate <= local.DateTime) candidate = candidate.AddDays(1);
        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    }
}
