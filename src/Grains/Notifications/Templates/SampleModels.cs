using OrleansPortal.Grains.Payments;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// Believable values for every variable a trigger offers, in the reader's language, for previews in the editor: the
/// visit is tomorrow from 10:00 to 12:00 in the company's time zone. With a real company, its own name and phone (none
/// when it has not set one, as its messages will then have none).
/// </summary>
public static class SampleModels
{
    private const string Site = "https://portal.example";
    private const string SamplePhone = "+351 220 000 000";

    public static NotificationModel For(NotificationTrigger trigger, string language, string timeZone, DateTimeOffset now, Companies.CompanyInfo? company = null)
    {
        var model = new NotificationModel(language, timeZone);
        var pt = model.Language == TemplateLanguage.Portuguese;
        var zone = LocalizedText.Zone(timeZone);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date).AddDays(1);
        var start = Instant(tomorrow, new TimeOnly(10, 0), zone);

        model.Company(company?.Name ?? (pt ? "Regas do Porto" : "Acme Irrigation"), company is null ? SamplePhone : company.Phone)
            .Customer(pt ? "Família Silva" : "Smith household")
            .Contact(pt ? "Ana" : "Anna", pt ? "Ana Silva" : "Anna Smith")
            .Link("links.portal", new Uri($"{Site}/portal/"));
        if (!TemplateVariables.VisitTriggers.Contains(trigger))
        {
            return trigger switch
            {
                NotificationTrigger.CaseAcknowledged or NotificationTrigger.CaseReplied => model.Case("C-00042", pt ? "Água na caixa das válvulas" : "Water in the valve box")
                    .CaseReply(pt ? "Passamos aí na terça de manhã." : "We will come on Tuesday morning.")
                    .Link("links.case", new Uri($"{Site}/portal/#support/8f2c")),
                NotificationTrigger.EstimateReady => model.Estimate("E-1042", "Boiler replacement", new Money(125_000, "EUR")).Link("links.estimate", new Uri($"{Site}/portal/#documents/E-1042")),
                NotificationTrigger.InvoiceIssued => Invoice(model, tomorrow),
                // Every variable the trigger offers is set, so the editor's preview lists them all: it shows a failed
                // payment's second attempt (the templates read the failed-payment ones before the overdue one).
                NotificationTrigger.PaymentReminder => Invoice(model, tomorrow).FailedPayment(2, tomorrow.AddDays(5), planPaused: true).Overdue(7),
                NotificationTrigger.PaymentReceipt => Invoice(model, tomorrow).Payment(new Money(18_000, "EUR")),
                NotificationTrigger.NpsSurvey => model.Link("links.survey", new Uri($"{Site}/feedback/Ef56Gh78")),
                NotificationTrigger.Message => model.Message(pt ? "Levamos a válvula nova na terça-feira.\nObrigado pela paciência!" : "We will bring the new valve on Tuesday.\nThank you for your patience!"),
                _ => model,
            };
        }

        model.Job(pt ? "Reparação de rega" : "Sprinkler repair", "Rua de Santa Catarina 1, Porto")
            .Window(start, start.AddHours(2))
            .Technician("Rui");
        return trigger switch
        {
            NotificationTrigger.Reminder => model.ReminderBefore(TimeSpan.FromHours(24)),
            NotificationTrigger.OnMyWay or NotificationTrigger.Arriving => Moving(model, start.AddMinutes(25), start.AddMinutes(13)),
            NotificationTrigger.Delayed => Moving(model, start.AddHours(2).AddMinutes(35), start.AddHours(2)).Delay(TimeSpan.FromMinutes(35)),
            NotificationTrigger.Completed => model.Link("links.report", new Uri($"{Site}/portal/reports/8f2c")),
            NotificationTrigger.ReviewRequest => model.Link("links.review", new Uri($"{Site}/feedback/Ab12Cd34")),
            _ => model,
        };
    }

    private static NotificationModel Moving(NotificationModel model, DateTimeOffset eta, DateTimeOffset now) =>
        model.Eta(eta, now).Link("links.tracking", new Uri($"{Site}/t/Ab12Cd34Ef56"));

    private static NotificationModel Invoice(NotificationModel model, DateOnly tomorrow) =>
        model.Invoice("INV-02088", new Money(18_000, "EUR"), tomorrow.AddDays(30)).Link("links.invoice", new Uri($"{Site}/portal/#documents/INV-02088"));

    private static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
