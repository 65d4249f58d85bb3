using System.ComponentModel.DataAnnotations;
using System.Globalization;
using OrleansPortal.Grains.Support.Cases;
using OrleansPortal.Grains.Support.Sla;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Support.Sla;

/// <summary>
/// The company's SLA as the settings panel saves it: opening hours per weekday ("Monday", "09:00" to "18:00"; a weekday
/// left out is closed; "24:00" is the end of the day), holidays (dates), and targets per priority in business minutes
/// (null: no target; a priority left out has none).
/// </summary>
public sealed record SlaSettingsRequest(
    [property: MaxLength(7)] IReadOnlyList<OpeningHoursRequest?>? Week,
    [property: MaxLength(SupportSlaSettings.MaxHolidays)] IReadOnlyList<DateOnly>? Holidays,
    [property: MaxLength(4)] IReadOnlyList<SlaTargetRequest?>? Targets)
{
    /// <summary>The settings, or null with the problems in <paramref name="validation"/> (the same rules the grain keeps).</summary>
    public SupportSlaSettings? Parse(RequestValidation validation)
    {
        var week = new List<OpeningHours>();
        foreach (var hours in Week ?? [])
        {
            DayOfWeek day = default;
            var ok = hours is not null && EnumName.TryParse(hours.Day, out day);
            var opens = ok ? Minutes(hours!.Opens) : null;
            var closes = ok ? Minutes(hours!.Closes) : null;
            if (opens is null || closes is null) validation.Add("week", "Each weekday's hours name the day (Monday to Sunday) and open and close as HH:mm (00:00 to 24:00).");
            else week.Add(new OpeningHours(day, opens.Value, closes.Value));
        }

        var targets = new List<SlaTarget>();
        foreach (var target in Targets ?? [])
        {
            if (target is not null && EnumName.TryParse<CasePriority>(target.Priority, out var priority))
                targets.Add(new SlaTarget(priority, target.FirstResponseMinutes, target.ResolutionMinutes));
            else validation.Add("targets", $"Each target names its priority, one of {string.Join(", ", Enum.GetNames<CasePriority>())}.");
        }

        if (!validation.IsValid) return null;
        var settings = new SupportSlaSettings(week, [.. Holidays ?? []], targets);
        foreach (var (field, messages) in settings.Problems())
            foreach (var message in messages) validation.Add(field, message);
        return validation.IsValid ? settings : null;
    }

    /// <summary>"HH:mm" as minutes since midnight, "24:00" included; null for anything else.</summary>
    private static int? Minutes(string? time)
    {
        if (time is not { Length: 5 } || time[2] != ':'
            || !int.TryParse(time.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(time.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)) return null;
        var total = hours * 60 + minutes;
        return minutes < 60 && total <= OpeningHours.EndOfDay ? total : null;
    }
}

public sealed record OpeningHoursRequest([property: MaxLength(10)] string? Day, [property: MaxLength(5)] string? Opens, [property: MaxLength(5)] string? Closes);

public sealed record SlaTargetRequest([property: MaxLength(20)] string? Priority, int? FirstResponseMinutes, int? ResolutionMinutes);
