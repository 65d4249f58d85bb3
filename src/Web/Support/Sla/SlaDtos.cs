using OrleansPortal.Grains.Support.Sla;

namespace OrleansPortal.Web.Support.Sla;

/// <summary>
/// The company's SLA: its time zone (set with the dispatch settings), opening hours per weekday as "HH:mm", holidays,
/// targets per priority in business minutes, and the share of a target after which a case is at risk.
/// </summary>
public sealed record SlaSettingsDto(string TimeZone, IReadOnlyList<OpeningHoursDto> Week, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<SlaTargetDto> Targets, int AtRiskPercent);

public sealed record OpeningHoursDto(string Day, string Opens, string Closes);

public sealed record SlaTargetDto(string Priority, int? FirstResponseMinutes, int? ResolutionMinutes);

/// <summary>
/// How the cases opened from <see cref="From"/> to <see cref="To"/> (local dates, both included) kept their targets.
/// A share is met / (met + breached), null when no case was decided yet; cases still under way count in neither.
/// </summary>
public sealed record SlaComplianceDto(DateOnly From, DateOnly To, int Cases, SlaTargetComplianceDto FirstResponse, SlaTargetComplianceDto Resolution);

public sealed record SlaTargetComplianceDto(int Met, int Breached, double? Share)
{
    public static SlaTargetComplianceDto Of(int met, int breached) => new(met, breached, met + breached == 0 ? null : Math.Round((double)met / (met + breached), 4));
}

/// <summary>
/// A case's SLA timer as the desk shows it: the state (None, OnTrack, AtRisk, Breached, Met, Paused), the target in
/// business minutes, the due time while the clock runs, and the business minutes left while it is paused.
/// </summary>
public sealed record SlaTimerDto(string State, int? TargetMinutes, DateTimeOffset? Due, int? MinutesLeftWhilePaused);

public static class SlaDtoMapping
{
    public static SlaSettingsDto AsDto(this SlaPolicy policy) => new(
        policy.TimeZone,
        [.. policy.Settings.Week.Select(h => new OpeningHoursDto(h.Day.ToString(), Time(h.OpensAt), Time(h.ClosesAt)))],
        policy.Settings.Holidays,
        [.. policy.Settings.Targets.Select(t => new SlaTargetDto(t.Priority.ToString(), t.FirstResponseMinutes, t.ResolutionMinutes))],
        (int)Math.Round(SlaClock.AtRiskShare * 100));

    public static SlaTimerDto AsDto(this SlaTimer timer) => new(timer.State.ToString(), timer.TargetMinutes, timer.Due, timer.MinutesLeftWhilePaused);

    private static string Time(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";
}
