using System.Globalization;
using OrleansPortal.Grains;
using OrleansPortal.Grains.Payments.Reports;
using OrleansPortal.Web.Hosting;

namespace OrleansPortal.Web.Payments.Money;

/// <summary>
/// Reads the money view's <c>?from=&amp;to=</c> (yyyy-MM-dd, both days whole, in the company's zone). Without them the
/// period is the twelve calendar months that end with today; without <c>to</c> it ends today. The outstanding
/// invoices are aged as of the period's last day, or today if that is later than today.
/// </summary>
public static class MoneyPeriodQuery
{
    private static readonly string DayFormat = $"A day is written yyyy-MM-dd, for example 2026-11-21, in the years {InputLimits.FirstYear} to {InputLimits.LastYear}.";

    /// <summary>The period, or the field errors that name what is wrong with it.</summary>
    public static (MoneyPeriod? Period, Dictionary<string, string[]>? Errors) Read(string tenantId, string? from, string? to, DateOnly today, string timeZone)
    {
        var validation = new RequestValidation()
            .Require(from is null || TryParse(from, out _), "from", DayFormat)
            .Require(to is null || TryParse(to, out _), "to", DayFormat);
        if (!validation.IsValid) return (null, validation.Errors);

        var last = to is null ? today : Parse(to);
        var first = from is null ? new DateOnly(last.Year, last.Month, 1).AddMonths(-11) : Parse(from);
        validation.Require(first <= last, "from", "The period's first day (from) must be on or before its last day (to).");
        if (validation.IsValid)
            validation.Require(last < first.AddYears(5), "to", "A period covers at most five years: pick a later from or an earlier to.");
        if (!validation.IsValid) return (null, validation.Errors);
        return (new MoneyPeriod(tenantId, first, last, last < today ? last : today, timeZone), null);
    }

    /// <summary>An optional <c>?asOf=</c> day for the outstanding list; today when absent.</summary>
    public static (DateOnly? Day, Dictionary<string, string[]>? Errors) ReadDay(string? text, string field, DateOnly today) =>
        text is null ? (today, null) : TryParse(text, out var day) ? (day, null) : (null, new() { [field] = [DayFormat] });

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && InputLimits.IsInRange(day);
}
