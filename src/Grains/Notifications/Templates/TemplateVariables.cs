using static OrleansPortal.Grains.Notifications.NotificationTrigger;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The fixed catalogue of variables templates may use, and which triggers offer each (docs/notifications.md lists
/// them). Values arrive already formatted for the reader (language, time zone, currency), so templates need no date
/// or number filters. A variable may be empty in a message (no technician assigned yet): templates can test it with
/// <c>{% if technician.first_name %}</c> or print it with <c>| default: "..."</c>.
/// </summary>
public static class TemplateVariables
{
    private static readonly NotificationTrigger[] AllTriggers = Enum.GetValues<NotificationTrigger>();

    /// <summary>The moments about one visit: they carry the job, its window and its technician.</summary>
    public static IReadOnlySet<NotificationTrigger> VisitTriggers { get; } =
        new HashSet<NotificationTrigger> { BookingConfirmed, BookingChanged, Reminder, TechnicianAssigned, OnMyWay, Arriving, Delayed, Completed, ReviewRequest };

    private static readonly NotificationTrigger[] Moving = [OnMyWay, Arriving, Delayed];
    private static readonly NotificationTrigger[] Invoices = [InvoiceIssued, PaymentReceipt, PaymentReminder];

    public static IReadOnlyList<TemplateVariable> All { get; } =
    [
        new("company.name", "The company's name.", "Acme Irrigation", Set(AllTriggers)),
        new("company.phone", "The company's phone number, as the company wrote it.", "+351 220 000 000", Set(AllTriggers)),
        new("customer.name", "The customer's name (a household or a business).", "Smith household", Set(AllTriggers)),
        new("contact.first_name", "The reader's first name.", "Ana", Set(AllTriggers)),
        new("contact.name", "The reader's full name.", "Ana Smith", Set(AllTriggers)),
        new("links.portal", "The customer portal, where the reader signs in.", "https://portal.example/portal/", Set(AllTriggers)),
        new("job.description", "What the visit is for.", "Sprinkler repair", VisitTriggers),
        new("job.address", "Where the visit is.", "Rua de Santa Catarina 1, Porto", VisitTriggers),
        new("window.date", "The day of the arrival window.", "Tuesday 8 December", VisitTriggers),
        new("window.start", "When the arrival window opens.", "10:00", VisitTriggers),
        new("window.end", "When the arrival window closes.", "12:00", VisitTriggers),
        new("window.range", "The whole arrival window: day, start and end.", "Tuesday 8 December, 10:00-12:00", VisitTriggers),
        new("technician.first_name", "The technician's first name; empty before one is assigned.", "Rui", VisitTriggers),
        new("eta.time", "The expected time of arrival.", "10:25", Set(Moving)),
        new("eta.minutes", "Minutes until the expected arrival.", "12", Set(Moving)),
        new("delay.minutes", "How many minutes after the window the technician is now expected.", "35", Set(Delayed)),
        new("reminder.hours", "How many hours before the window this reminder goes out.", "24", Set(Reminder)),
        new("links.tracking", "The visit's tracking page (status, live ETA, the technician on the map while en route).", "https://portal.example/t/Ab12Cd34", Set(Moving)),
        new("links.report", "The visit's report.", "https://portal.example/portal/reports/8f2c", Set(Completed)),
        new("links.review", "The visit's satisfaction survey (1 to 5, a comment, and a review to share), answered without signing in.", "https://portal.example/feedback/Ab12Cd34", Set(ReviewRequest)),
        new("links.survey", "The NPS survey (0 to 10 and a comment), answered without signing in.", "https://portal.example/feedback/Ef56Gh78", Set(NpsSurvey)),
        new("estimate.number", "The estimate's number.", "E-1042", Set(EstimateReady)),
        new("estimate.title", "What the estimate is for, as the office titled it.", "Boiler replacement", Set(EstimateReady)),
        new("estimate.total", "The estimate's total, with its currency.", "€1,250.00", Set(EstimateReady)),
        new("links.estimate", "Where the customer reads and approves the estimate.", "https://portal.example/portal/#documents/E-1042", Set(EstimateReady)),
        new("invoice.number", "The invoice's number.", "INV-02088", Set(Invoices)),
        new("invoice.total", "The invoice's total, with its currency.", "€180.00", Set(Invoices)),
        new("invoice.due_date", "When the invoice is due.", "8 January 2027", Set(Invoices)),
        new("links.invoice", "Where the customer reads and pays the invoice.", "https://portal.example/portal/#documents/INV-02088", Set(Invoices)),
        new("payment.amount", "The amount received.", "€180.00", Set(PaymentReceipt)),
        new("payment.attempt", "A failed payment: which attempt failed (1 is the first charge); empty in other reminders.", "2", Set(PaymentReminder)),
        new("payment.next_retry", "A failed payment: the day it is tried again; empty after the last retry.", "12 January 2027", Set(PaymentReminder)),
        new("payment.plan_paused", "A failed payment's last retry: \"yes\" when the maintenance plan was paused for it; else empty.", "yes", Set(PaymentReminder)),
        new("invoice.days_overdue", "An overdue invoice: days past its due date; empty in other reminders.", "7", Set(PaymentReminder)),
        new("message.text", "The free text the team wrote in the composer.", "We will bring the new valve on Tuesday.", Set(Message)),
        new("case.number", "The support case's number.", "C-00042", Set(CaseAcknowledged, CaseReplied)),
        new("case.subject", "The support case's subject, as the customer wrote it.", "Water in the valve box", Set(CaseAcknowledged, CaseReplied)),
        new("case.reply", "The team's answer.", "We will come on Tuesday morning.", Set(CaseReplied)),
        new("links.case", "Where the customer follows the case in the portal.", "https://portal.example/portal/#support/8f2c", Set(CaseAcknowledged, CaseReplied)),
        new("links.unsubscribe", "One-click unsubscribe; offered in marketing messages only, so no service trigger has it.", "https://portal.example/u/CfDJ8Ab12", Set()),
    ];

    private static readonly Dictionary<string, TemplateVariable> ByName = All.ToDictionary(v => v.Name, StringComparer.Ordinal);

    public static TemplateVariable? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The variables a trigger's templates may use.</summary>
    public static IEnumerable<TemplateVariable> For(NotificationTrigger trigger) => All.Where(v => v.IsOfferedFor(trigger));

    private static HashSet<NotificationTrigger> Set(params NotificationTrigger[] triggers) => [.. triggers];
}
