namespace OrleansPortal.Grains.Dispatch;

/// <summary>Dispatch's timing and stability settings ("Dispatch" section).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>How often new positions are passed to the routes to refresh ETAs (positions arrive far more often).</summary>
    public TimeSpan EtaRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often "no signal" is checked.</summary>
    public TimeSpan AlertCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A technician on shift with work today and no position for this long raises "no signal".</summary>
    public TimeSpan NoSignalAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Time budget of the re-plan that a new late risk triggers.</summary>
    public TimeSpan ReplanBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most one automatic re-plan per this interval, so a string of delays does not reshuffle the day again and again.</summary>
    public TimeSpan ReplanCooldown { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often today is re-planned when nothing asked for it (auto-assign on, open jobs today), with
    /// <see cref="ReplanBudget"/> and the same stability rule. Events cover what dispatch hears of; the periodic pass
    /// catches what no event announces: a shift edited, a technician back on signal, jobs that fit better as the day
    /// unfolds. Zero turns it off.
    /// </summary>
    public TimeSpan PeriodicReplanInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A new plan replaces the current one only if it saves more than this many kilometres (and this share), or lateness, or unassigned jobs.</summary>
    public double MinimumGainKilometers { get; set; } = 1.0;

    public double MinimumGainShare { get; set; } = 0.02;

    /// <summary>A new plan must save at least this many minutes of lateness to count as better on lateness alone.</summary>
    public double MinimumGainMinutesLate { get; set; } = 2;
}
