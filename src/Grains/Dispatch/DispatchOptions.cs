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

    /// <summary>
    /// How long an "optimize the day" proposal can be applied. It was computed from the day as it was (positions, ETAs,
    /// the jobs then): after half an hour of a working day it describes a day that has moved on, so the dispatcher
    /// optimizes again rather than apply it. While a proposal for today is pending, dispatch's own re-plans leave today alone.
    /// </summary>
    public TimeSpan ProposalLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A new plan replaces the current one only if it saves more than this many kilometres (and this share), or lateness, or unassigned jobs.</summary>
    public double MinimumGainKilometers { get; set; } = 1.0;

    public double MinimumGainShare { get; set; } = 0.02;

    /// <summary>A new plan must save at least this many minutes of lateness to count as better on lateness alone.</summary>
    public double MinimumGainMinutesLate { get; set; } = 2;

    /// <summary>
    /// Workload balance: each technician's day costs this many kilometres of driving per hour² of work (service plus buffers).
    /// Squared, so an hour weighs more on a full day than on an empty one. At 1, moving an hour from a technician with 6 h to
    /// one with none is worth 36 − (25 + 1) = 10 km of extra driving (a quarter of an hour in town): clearly uneven days get
    /// spread out. Between 4 h and 2 h the same move is worth only 2 km, so nearly even days are not reshuffled for long
    /// detours, and a whole 12-hour day (144 km) stays far below any unassigned penalty (100,000 km). 0 turns it off.
    /// </summary>
    public double BalanceKilometersPerHourSquared { get; set; } = 1.0;

    /// <summary>
    /// Extra driving worth spending to send the customer's preferred technician rather than another: 5 km is about ten
    /// minutes in town, "costs little". It is below the balance gap between a 6-hour and an empty day for a one-hour job
    /// (12 km), so a preferred technician who is already much busier than the others is not overloaded for it.
    /// </summary>
    public double PreferredTechnicianKilometers { get; set; } = 5.0;
}
