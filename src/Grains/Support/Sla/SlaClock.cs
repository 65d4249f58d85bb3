using Orleans;

namespace OrleansPortal.Grains.Support.Sla;

/// <summary>
/// One SLA target's clock on a case (first response, or resolution): the business time it has used, whether it runs,
/// and the instants it turns at risk and is breached. Plain state with pure steps; the case grain moves it as the case
/// changes and stores it in its own state. A breach is for good; at risk and escalated are noted once per target.
/// </summary>
[GenerateSerializer, Alias("op.SlaClock")]
public sealed class SlaClock
{
    /// <summary>At risk once this share of the target's business time is used: 80 %, early enough to act on a short target.</summary>
    public const double AtRiskShare = 0.8;

    /// <summary>The target in business minutes; null when the case's priority has none.</summary>
    [Id(0)] public int? TargetMinutes { get; set; }

    /// <summary>Business time used before <see cref="RunningSince"/> (earlier runs, before a pause).</summary>
    [Id(1)] public TimeSpan Used { get; set; }

    /// <summary>Counting since then; null while paused or stopped.</summary>
    [Id(2)] public DateTimeOffset? RunningSince { get; set; }

    /// <summary>When the target is missed as things stand; null while not running or without a target.</summary>
    [Id(3)] public DateTimeOffset? Due { get; set; }

    [Id(4)] public DateTimeOffset? AtRiskAt { get; set; }
    [Id(5)] public bool Warned { get; set; }
    [Id(6)] public bool Breached { get; set; }

    /// <summary>The case's priority was raised for this target (once per target).</summary>
    [Id(7)] public bool Escalated { get; set; }

    /// <summary>Done: answered, or resolved (a resolved case that opens again runs once more).</summary>
    [Id(8)] public bool Stopped { get; set; }

    public bool Running => RunningSince is not null;

    /// <summary>Starts or resumes counting at <paramref name="now"/> (nothing if it runs already).</summary>
    public void Run(BusinessCalendar calendar, DateTimeOffset now)
    {
        Stopped = false;
        if (Running) return;
        RunningSince = now;
        Plan(calendar);
    }

    /// <summary>Stops counting, keeping what was used.</summary>
    public void Pause(BusinessCalendar calendar, DateTimeOffset now)
    {
        if (RunningSince is not { } since) return;
        Used += calendar.BusinessTimeBetween(since, now);
        RunningSince = null;
        Due = AtRiskAt = null;
    }

    /// <summary>Done (met, unless breached already); call <see cref="Check"/> first so a late stop counts as a breach.</summary>
    public void Stop(BusinessCalendar calendar, DateTimeOffset now)
    {
        Pause(calendar, now);
        Stopped = true;
    }

    /// <summary>A new target (the priority or the company's settings changed); what was used stays used, a breach stays.</summary>
    public void Retarget(int? minutes, BusinessCalendar calendar, DateTimeOffset now)
    {
        if (RunningSince is { } since)
        {
            Used += calendar.BusinessTimeBetween(since, now);
            RunningSince = now;
        }

        TargetMinutes = minutes;
        Plan(calendar);
    }

    /// <summary>What <paramref name="now"/> newly reached: a breach (at risk is implied then), at risk, or nothing.</summary>
    public SlaState? Check(DateTimeOffset now)
    {
        if (!Running || Due is not { } due || AtRiskAt is not { } atRisk) return null;
        if (!Breached && now >= due)
        {
            (Breached, Warned) = (true, true);
            return SlaState.Breached;
        }

        if (!Warned && now >= atRisk)
        {
            Warned = true;
            return SlaState.AtRisk;
        }

        return null;
    }

    /// <summary>The next instant <see cref="Check"/> has something to find; null when nothing is left to watch.</summary>
    public DateTimeOffset? NextCheck => !Running ? null : !Warned ? AtRiskAt : !Breached ? Due : null;

    public SlaState StateAt(DateTimeOffset now) =>
        TargetMinutes is null ? SlaState.None
        : Stopped ? Breached ? SlaState.Breached : SlaState.Met
        // Past its due time it is breached, though the reminder that records it may not have fired yet.
        : Breached || (Running && now >= Due) ? SlaState.Breached
        : !Running ? SlaState.Paused
        : Warned || now >= AtRiskAt ? SlaState.AtRisk
        : SlaState.OnTrack;

    /// <summary>Business time left while paused (it does not change until the clock runs again); null otherwise.</summary>
    public TimeSpan? LeftWhilePaused => TargetMinutes is { } target && !Running && !Stopped ? TimeSpan.FromMinutes(target) - Used : null;

    private void Plan(BusinessCalendar calendar)
    {
        if (TargetMinutes is not { } target || RunningSince is not { } since)
        {
            Due = AtRiskAt = null;
            return;
        }

        Due = After(calendar, since, TimeSpan.FromMinutes(target) - Used);
        AtRiskAt = After(calendar, since, TimeSpan.FromMinutes(target * AtRiskShare) - Used);
    }

    private static DateTimeOffset After(BusinessCalendar calendar, DateTimeOffset since, TimeSpan left) =>
        left <= TimeSpan.Zero ? since : calendar.AddBusinessTime(since, left);
}
