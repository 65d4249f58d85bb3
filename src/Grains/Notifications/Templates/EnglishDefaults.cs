using static OrleansPortal.Grains.Notifications.NotificationTrigger;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>The English defaults (<see cref="DefaultTemplates"/>).</summary>
internal static class EnglishDefaults
{
    private const string Hello = "<p>Hello{% if contact.first_name %} {{ contact.first_name }}{% endif %},</p>\n";
    private const string Visit = "<p><strong>{{ window.range }}</strong><br>{{ job.description }}<br>{{ job.address }}</p>\n";
    private const string Thanks = "\n<p>Thank you,<br>{{ company.name }}</p>";

    public static IReadOnlyList<NotificationTemplate> All { get; } = new DefaultSet(TemplateLanguage.English)
        .Email(BookingConfirmed, "Your visit is booked for {{ window.date }}",
            Hello + "<p>Your visit is booked:</p>\n" + Visit +
            "<p>You can see or change your appointments in <a href=\"{{ links.portal }}\">your portal</a>{% if company.phone %}, or call us on {{ company.phone }}{% endif %}.</p>" + Thanks)
        .Sms(BookingConfirmed, "{{ company.name }}: your visit is booked for {{ window.range }}.{% if company.phone %} Questions? Call {{ company.phone }}{% endif %}")
        .InApp(BookingConfirmed, "Visit booked", "{{ job.description }}: {{ window.range }}, {{ job.address }}.")

        .Email(BookingChanged, "Your visit has changed: {{ window.date }}",
            Hello + "<p>Your visit has changed. It is now:</p>\n" + Visit +
            "{% if technician.first_name %}<p>Your technician will be {{ technician.first_name }}.</p>\n{% endif %}" +
            "<p>You can see your appointments in <a href=\"{{ links.portal }}\">your portal</a>.</p>" + Thanks)
        .Sms(BookingChanged, "{{ company.name }}: your visit is now {{ window.range }}{% if technician.first_name %} with {{ technician.first_name }}{% endif %}.{% if company.phone %} Questions? Call {{ company.phone }}{% endif %}")
        .InApp(BookingChanged, "Visit changed", "{{ job.description }} is now {{ window.range }}.")
        .Push(BookingChanged, "Job changed: {{ job.description }}", "Now {{ window.range }}, {{ job.address }} ({{ customer.name }}).")

        .Email(Reminder, "Reminder: your visit on {{ window.date }}",
            Hello + "<p>A reminder of your visit:</p>\n" + Visit +
            "<p>Need to change it? {% if company.phone %}Call us on {{ company.phone }} or use{% else %}Use{% endif %} <a href=\"{{ links.portal }}\">your portal</a>.</p>" + Thanks)
        .Sms(Reminder, "{{ company.name }}: reminder, we visit you {{ window.range }}.{% if company.phone %} To change it, call {{ company.phone }}{% endif %}")
        .InApp(Reminder, "Visit reminder", "{{ job.description }}: {{ window.range }}.")

        .Email(TechnicianAssigned, "{{ technician.first_name }} will do your visit",
            Hello + "<p>{{ technician.first_name }} will do your visit:</p>\n" + Visit + Thanks)
        .Sms(TechnicianAssigned, "{{ company.name }}: {{ technician.first_name }} will do your visit {{ window.range }}.")
        .InApp(TechnicianAssigned, "Technician assigned", "{{ technician.first_name }} will do your visit {{ window.range }}.")
        .Push(TechnicianAssigned, "New job: {{ job.description }}", "{% if window.range %}{{ window.range }}, {% endif %}{{ job.address }} ({{ customer.name }}).")

        .Email(OnMyWay, "{{ technician.first_name }} is on the way",
            Hello + "<p>{{ technician.first_name }} is on the way to {{ job.address }}{% if eta.time %} and should arrive at about <strong>{{ eta.time }}</strong>{% endif %}.</p>\n" +
            "<p><a href=\"{{ links.tracking }}\">Follow the visit live</a></p>" + Thanks)
        .Sms(OnMyWay, "{{ company.name }}: {{ technician.first_name }} is on the way{% if eta.time %}, arriving about {{ eta.time }}{% endif %}. Track: {{ links.tracking }}")
        .InApp(OnMyWay, "On the way", "{{ technician.first_name }} is on the way{% if eta.time %}, arriving about {{ eta.time }}{% endif %}.")

        .Email(Arriving, "{{ technician.first_name }} is arriving",
            Hello + "<p>{{ technician.first_name }} will be at {{ job.address }} in about {{ eta.minutes }} minutes.</p>\n" +
            "<p><a href=\"{{ links.tracking }}\">Follow the visit live</a></p>" + Thanks)
        .Sms(Arriving, "{{ company.name }}: {{ technician.first_name }} arrives in about {{ eta.minutes }} min. Track: {{ links.tracking }}")
        .InApp(Arriving, "Arriving soon", "{{ technician.first_name }} arrives in about {{ eta.minutes }} minutes.")

        .Email(Delayed, "Your visit is running late",
            Hello + "<p>We are sorry: your visit is running about {{ delay.minutes }} minutes late. {{ technician.first_name }} should now arrive at about <strong>{{ eta.time }}</strong>.</p>\n" +
            "<p><a href=\"{{ links.tracking }}\">Follow the visit live</a></p>" + Thanks)
        .Sms(Delayed, "{{ company.name }}: sorry, we are running about {{ delay.minutes }} min late, now arriving about {{ eta.time }}. Track: {{ links.tracking }}")
        .InApp(Delayed, "Running late", "New arrival time: about {{ eta.time }} ({{ delay.minutes }} min late).")

        .Email(Completed, "Your visit is complete",
            Hello + "<p>{{ technician.first_name | default: \"Our technician\" }} has finished your visit ({{ job.description }}) at {{ job.address }}.</p>\n" +
            "<p><a href=\"{{ links.report }}\">Read the visit report</a></p>" + Thanks)
        .Sms(Completed, "{{ company.name }}: your visit is complete. The report: {{ links.report }}")
        .InApp(Completed, "Visit complete", "{{ job.description }} is done. The report is ready.")

        .Email(ReviewRequest, "How did we do?",
            Hello + "<p>Thank you for choosing {{ company.name }}. How was your visit{% if technician.first_name %} with {{ technician.first_name }}{% endif %}?</p>\n" +
            "<p><a href=\"{{ links.review }}\">Rate your visit</a>: it takes a minute.</p>" + Thanks)
        .Sms(ReviewRequest, "{{ company.name }}: how was your visit? Tell us in a minute: {{ links.review }}")
        .InApp(ReviewRequest, "How did we do?", "Tell us how your visit went.")

        .Email(EstimateReady, "Your estimate is ready: {{ estimate.title }}",
            Hello + "<p>Your estimate “{{ estimate.title }}”, for {{ estimate.total }}, is ready.</p>\n" +
            "<p><a href=\"{{ links.estimate }}\">Read and approve the estimate</a></p>" + Thanks)
        .Sms(EstimateReady, "{{ company.name }}: your estimate \"{{ estimate.title }}\" ({{ estimate.total }}) is ready: {{ links.estimate }}")
        .InApp(EstimateReady, "Estimate ready", "{{ estimate.title }}: {{ estimate.total }}.")

        .Email(InvoiceIssued, "Invoice {{ invoice.number }}",
            Hello + "<p>Invoice {{ invoice.number }}, for {{ invoice.total }}, is due on {{ invoice.due_date }}.</p>\n" +
            "<p><a href=\"{{ links.invoice }}\">View and pay the invoice</a></p>" + Thanks)
        .Sms(InvoiceIssued, "{{ company.name }}: invoice {{ invoice.number }} for {{ invoice.total }}, due {{ invoice.due_date }}: {{ links.invoice }}")
        .InApp(InvoiceIssued, "New invoice", "Invoice {{ invoice.number }}: {{ invoice.total }}, due {{ invoice.due_date }}.")

        .Email(PaymentReceipt, "Payment received: {{ payment.amount }}",
            Hello + "<p>Thank you: we received your payment of {{ payment.amount }} for invoice {{ invoice.number }}.</p>\n" +
            "<p><a href=\"{{ links.invoice }}\">View the invoice</a></p>" + Thanks)
        .Sms(PaymentReceipt, "{{ company.name }}: thank you, we received {{ payment.amount }} for invoice {{ invoice.number }}.")
        .InApp(PaymentReceipt, "Payment received", "{{ payment.amount }} for invoice {{ invoice.number }}. Thank you!")

        .Email(PaymentReminder,
            "{% if payment.attempt %}Your payment for invoice {{ invoice.number }} did not go through{% else %}Reminder: invoice {{ invoice.number }} is due{% endif %}",
            Hello + "{% if payment.attempt %}<p>We tried to collect {{ invoice.total }} for invoice {{ invoice.number }}, and the payment failed (attempt {{ payment.attempt }}).</p>\n" +
            "{% if payment.next_retry %}<p>We will try again on {{ payment.next_retry }}. To avoid that, you can pay now or update your card.</p>" +
            "{% else %}<p>That was our last try{% if payment.plan_paused %}, so we have paused your maintenance plan until the invoice is paid{% endif %}.</p>{% endif %}\n" +
            "{% elsif invoice.days_overdue %}<p>Invoice {{ invoice.number }}, for {{ invoice.total }}, was due on {{ invoice.due_date }}: {{ invoice.days_overdue }} days ago.</p>\n" +
            "{% else %}<p>Invoice {{ invoice.number }}, for {{ invoice.total }}, is due on {{ invoice.due_date }}.</p>\n{% endif %}" +
            "<p><a href=\"{{ links.invoice }}\">Pay the invoice</a></p>\n<p>If you have paid it already, thank you: please ignore this message.</p>" + Thanks)
        .Sms(PaymentReminder, "{{ company.name }}: {% if payment.attempt %}payment of invoice {{ invoice.number }} ({{ invoice.total }}) failed.{% if payment.next_retry %} Next try {{ payment.next_retry }}.{% elsif payment.plan_paused %} Plan paused.{% endif %}" +
            "{% else %}invoice {{ invoice.number }} ({{ invoice.total }}) is due {{ invoice.due_date }}.{% endif %} Pay: {{ links.invoice }}")
        .InApp(PaymentReminder, "{% if payment.attempt %}Payment failed{% else %}Payment due{% endif %}",
            "{% if payment.attempt %}Invoice {{ invoice.number }}: {{ invoice.total }}, attempt {{ payment.attempt }} failed.{% if payment.next_retry %} Next try {{ payment.next_retry }}.{% elsif payment.plan_paused %} Your plan is paused.{% endif %}" +
            "{% else %}Invoice {{ invoice.number }}: {{ invoice.total }}, due {{ invoice.due_date }}.{% endif %}")

        .Email(Message, "A message from {{ company.name }}", Hello + "<p>{{ message.text | newline_to_br }}</p>" + Thanks)
        .Sms(Message, "{{ company.name }}: {{ message.text }}")
        .InApp(Message, "Message from {{ company.name }}", "{{ message.text }}")

        .Email(CaseAcknowledged, "[{{ case.number }}] We received your request",
            Hello + "<p>We received your request “{{ case.subject }}”. Its number is <strong>{{ case.number }}</strong>.</p>\n" +
            "<p>We will answer soon; you can follow it and reply in <a href=\"{{ links.case }}\">your portal</a>.</p>" + Thanks)
        .Sms(CaseAcknowledged, "{{ company.name }}: we received your request {{ case.number }} and will answer soon: {{ links.case }}")
        .InApp(CaseAcknowledged, "Request {{ case.number }} received", "“{{ case.subject }}”: we will answer soon.")

        .Email(CaseReplied, "[{{ case.number }}] {{ case.subject }}",
            Hello + "<p>{{ case.reply | newline_to_br }}</p>\n" +
            "<p>You can reply in <a href=\"{{ links.case }}\">your portal</a>.</p>" + Thanks)
        .Sms(CaseReplied, "{{ company.name }} answered your request {{ case.number }}: {{ links.case }}")
        .InApp(CaseReplied, "Answer to {{ case.number }}", "{{ case.reply }}")

        .Email(NpsSurvey, "One question from {{ company.name }}",
            Hello + "<p>How likely are you to recommend {{ company.name }} to a friend or neighbour?</p>\n" +
            "<p><a href=\"{{ links.survey }}\">Answer on a scale from 0 to 10</a>: it takes a few seconds.</p>" + Thanks)
        .Sms(NpsSurvey, "{{ company.name }}: would you recommend us? One question, 0 to 10: {{ links.survey }}")
        .InApp(NpsSurvey, "One question", "How likely are you to recommend {{ company.name }}?")
        .Templates;
}
