using System.Globalization;
using Orleans;
using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The values one message's template prints, by catalogue variable name (<see cref="TemplateVariables"/>), already
/// formatted for its reader: the typed helpers write dates and times in <see cref="Language"/> and in the reader's
/// <see cref="TimeZone"/>, and amounts with their currency. A variable left unset prints as empty.
/// <code>
/// var model = new NotificationModel("pt", "Europe/Lisbon")
///     .Company("Regas do Porto", "+351 220 000 000").Contact("Ana", "Ana Silva").Customer("Família Silva")
///     .Job("Reparação de rega", "Rua de Santa Catarina 1, Porto").Window(start, end).Technician("Rui")
///     .Eta(eta, now).Link("links.tracking", trackingUrl);
/// </code>
/// </summary>
[GenerateSerializer, Alias("op.NotificationModel")]
public sealed class NotificationModel
{
    [Id(0)]
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <param name="language">The reader's language tag; anything other than English or Portuguese reads English.</param>
    /// <param name="timeZone">The reader's IANA time zone id; throws <see cref="ArgumentException"/> when unknown.</param>
    public NotificationModel(string language, string timeZone)
    {
        Language = TemplateLanguage.For(language);
        _ = LocalizedText.Zone(timeZone); // refused here rather than at the first date
        TimeZone = timeZone;
    }

    /// <summary>"en" or "pt": the template language the values are written in.</summary>
    [Id(1)]
    public string Language { get; }

    [Id(2)]
    public string TimeZone { get; }

    public IReadOnlyDictionary<string, string> Values => _values;

    private TimeZoneInfo Zone => field ??= LocalizedText.Zone(TimeZone); // not serialized: found again after a copy

    /// <summary>
    /// Sets one variable; throws <see cref="ArgumentException"/> for a name not in the catalogue, so a typo fails where
    /// it is made. Null or empty unsets it: Liquid takes an empty text as true, and templates test presence with if.
    /// </summary>
    public NotificationModel Set(string variable, string? value)
    {
        if (TemplateVariables.Find(variable) is null) throw new ArgumentException($"'{variable}' is not a template variable.", nameof(variable));
        if (string.IsNullOrEmpty(value)) _values.Remove(variable);
        else _values[variable] = value;
        return this;
    }

    public NotificationModel Company(string name, string? phone) => Set("company.name", name).Set("company.phone", phone);

    public NotificationModel Customer(string name) => Set("customer.name", name);

    public NotificationModel Contact(string firstName, string fullName) => Set("contact.first_name", firstName).Set("contact.name", fullName);

    public NotificationModel Job(string description, string address) => Set("job.description", description).Set("job.address", address);

    public NotificationModel Window(DateTimeOffset start, DateTimeOffset end) =>
        Set("window.date", LocalizedText.Day(start, Language, Zone))
            .Set("window.start", LocalizedText.Time(start, Zone))
            .Set("window.end", LocalizedText.Time(end, Zone))
            .Set("window.range", LocalizedText.Range(start, end, Language, Zone));

    public NotificationModel Technician(string? firstName) => Set("technician.first_name", firstName);

    /// <summary>The expected arrival, as a time and as whole minutes from <paramref name="now"/> (never below zero).</summary>
    public NotificationModel Eta(DateTimeOffset eta, DateTimeOffset now) =>
        Set("eta.time", LocalizedText.Time(eta, Zone)).Set("eta.minutes", Minutes(eta - now));

    public NotificationModel Delay(TimeSpan late) => Set("delay.minutes", Minutes(late));

    public NotificationModel ReminderBefore(TimeSpan before) =>
        Set("reminder.hours", Math.Round(before.TotalHours).ToString(CultureInfo.InvariantCulture));

    /// <summary>One of the links.* variables.</summary>
    public NotificationModel Link(string variable, Uri url)
    {
        if (!variable.StartsWith("links.", StringComparison.Ordinal)) throw new ArgumentException($"'{variable}' is not a link variable.", nameof(variable));
        return Set(variable, url.AbsoluteUri);
    }

    public NotificationModel Estimate(string number, string title, Money total) =>
        Set("estimate.number", number).Set("estimate.title", title).Set("estimate.total", LocalizedText.Money(total, Language));

    public NotificationModel Case(string number, string subject) => Set("case.number", number).Set("case.subject", subject);

    public NotificationModel CaseReply(string text) => Set("case.reply", text);

    public NotificationModel Invoice(string number, Money total, DateOnly due) =>
        Set("invoice.number", number).Set("invoice.total", LocalizedText.Money(total, Language)).Set("invoice.due_date", LocalizedText.Date(due, Language));

    public NotificationModel Payment(Money amount) => Set("payment.amount", LocalizedText.Money(amount, Language));

    /// <summary>A failed payment: which attempt failed, and the day of the next retry (empty after the last one).</summary>
    public NotificationModel FailedPayment(int attempt, DateOnly? nextRetry, bool planPaused) =>
        Set("payment.attempt", attempt.ToString(CultureInfo.InvariantCulture)).Set("payment.next_retry", nextRetry is { } day ? LocalizedText.Date(day, Language) : null)
            .Set("payment.plan_paused", planPaused ? "yes" : null);

    public NotificationModel Overdue(int days) => Set("invoice.days_overdue", days.ToString(CultureInfo.InvariantCulture));

    public NotificationModel Message(string text) => Set("message.text", text);

    private static string Minutes(TimeSpan span) => Math.Max(0, (int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}
