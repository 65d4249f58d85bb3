using System.Globalization;
using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Dates, times and amounts as a reader of English or Portuguese (Portugal) writes them, in the reader's time zone.
/// The app runs with invariant globalization, where CultureInfo("pt-PT") has no Portuguese names, so the words are
/// ours. Times are on the 24-hour clock in both languages; ranges use a plain hyphen, which SMS encodes in GSM-7
/// (an en dash would force the whole message into UCS-2).
/// </summary>
public static class LocalizedText
{
    private static readonly string[] EnglishDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] PortugueseDays = ["domingo", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] PortugueseMonths =
        ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"];

    private static readonly Dictionary<string, string> CurrencySymbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["BRL"] = "R$",
    };

    /// <summary>The zone for an IANA id; throws <see cref="ArgumentException"/> naming it when the system does not know it.</summary>
    public static TimeZoneInfo Zone(string ianaId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : throw new ArgumentException($"Unknown time zone '{ianaId}'.", nameof(ianaId));

    /// <summary>"Tuesday 8 December" / "terça-feira, 8 de dezembro".</summary>
    public static string Day(DateTimeOffset instant, string language, TimeZoneInfo zone) => Day(Local(instant, zone), language);

    /// <summary>"10:00".</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) => Local(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday 8 December, 10:00-12:00"; a window over midnight names both days ("Tuesday 8 December, 22:00 - Wednesday 9 December, 01:00").</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, string language, TimeZoneInfo zone)
    {
        DateTime from = Local(start, zone), to = Local(end, zone);
        var (fromTime, toTime) = (from.ToString("HH:mm", CultureInfo.InvariantCulture), to.ToString("HH:mm", CultureInfo.InvariantCulture));
        return from.Date == to.Date
            ? $"{Day(from, language)}, {fromTime}-{toTime}"
            : $"{Day(from, language)}, {fromTime} - {Day(to, language)}, {toTime}";
    }

    /// <summary>"8 January 2027" / "8 de janeiro de 2027".</summary>
    public static string Date(DateOnly date, string language) =>
        TemplateLanguage.For(language) == TemplateLanguage.Portuguese
            ? $"{date.Day} de {PortugueseMonths[date.Month - 1]} de {date.Year}"
            : $"{date.Day} {EnglishMonths[date.Month - 1]} {date.Year}";

    /// <summary>"€1,250.00" / "1250,00 €" (Portuguese groups thousands with a space from 10 000 on), with the currency's own decimals.</summary>
    public static string Money(Money amount, string language)
    {
        var currency = amount.Currency;
        var symbol = CurrencySymbols.GetValueOrDefault(currency, currency.ToUpperInvariant());
        var sign = amount.Minor < 0 ? "-" : "";
        var digits = Math.Abs(amount.Major);
        var decimals = Currencies.Decimals(currency) == 0 ? "" : "." + new string('0', Currencies.Decimals(currency));
        if (TemplateLanguage.For(language) != TemplateLanguage.Portuguese)
            return $"{sign}{symbol}{digits.ToString("#,0" + decimals, CultureInfo.InvariantCulture)}";

        var format = (digits >= 10_000 ? "#,0" : "0") + decimals;
        var text = digits.ToString(format, CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',');
        return $"{sign}{text} {symbol}";
    }

    private static string Day(DateTime local, string language) =>
        TemplateLanguage.For(language) == TemplateLanguage.Portuguese
            ? $"{PortugueseDays[(int)local.DayOfWeek]}, {local.Day} de {PortugueseMonths[local.Month - 1]}"
            : $"{EnglishDays[(int)local.DayOfWeek]} {local.Day} {EnglishMonths[local.Month - 1]}";

    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone).DateTime;
}
