using static OrleansPortal.Grains.Notifications.NotificationTrigger;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// The European Portuguese defaults (<see cref="DefaultTemplates"/>). Written without gendered words for the technician
/// ("vai fazer a sua visita", not "o seu técnico"), since the template does not know who it is.
/// </summary>
internal static class PortugueseDefaults
{
    private const string Hello = "<p>Olá{% if contact.first_name %} {{ contact.first_name }}{% endif %},</p>\n";
    private const string Visit = "<p><strong>{{ window.range }}</strong><br>{{ job.description }}<br>{{ job.address }}</p>\n";
    private const string Thanks = "\n<p>Com os melhores cumprimentos,<br>{{ company.name }}</p>";

    public static IReadOnlyList<NotificationTemplate> All { get; } = new DefaultSet(TemplateLanguage.Portuguese)
        .Email(BookingConfirmed, "A sua visita está marcada: {{ window.date }}",
            Hello + "<p>A sua visita está marcada:</p>\n" + Visit +
            "<p>Pode ver ou alterar as suas marcações no <a href=\"{{ links.portal }}\">seu portal</a>{% if company.phone %}, ou ligar-nos para o {{ company.phone }}{% endif %}.</p>" + Thanks)
        .Sms(BookingConfirmed, "{{ company.name }}: visita marcada para {{ window.range }}.{% if company.phone %} Dúvidas? Ligue {{ company.phone }}{% endif %}")
        .InApp(BookingConfirmed, "Visita marcada", "{{ job.description }}: {{ window.range }}, {{ job.address }}.")

        .Email(BookingChanged, "A sua visita foi alterada: {{ window.date }}",
            Hello + "<p>A sua visita foi alterada. A nova marcação é:</p>\n" + Visit +
            "{% if technician.first_name %}<p>A visita será feita por {{ technician.first_name }}.</p>\n{% endif %}" +
            "<p>Pode ver as suas marcações no <a href=\"{{ links.portal }}\">seu portal</a>.</p>" + Thanks)
        .Sms(BookingChanged, "{{ company.name }}: a sua visita passou para {{ window.range }}.{% if company.phone %} Dúvidas? Ligue {{ company.phone }}{% endif %}")
        .InApp(BookingChanged, "Visita alterada", "{{ job.description }}: agora {{ window.range }}.")
        .Push(BookingChanged, "Serviço alterado: {{ job.description }}", "Agora {{ window.range }}, {{ job.address }} ({{ customer.name }}).")

        .Email(Reminder, "Lembrete da sua visita: {{ window.date }}",
            Hello + "<p>Lembramos a sua visita:</p>\n" + Visit +
            "<p>Precisa de a alterar? {% if company.phone %}Ligue-nos para o {{ company.phone }} ou use{% else %}Use{% endif %} o <a href=\"{{ links.portal }}\">seu portal</a>.</p>" + Thanks)
        .Sms(Reminder, "{{ company.name }}: lembrete da visita {{ window.range }}.{% if company.phone %} Para alterar, ligue {{ company.phone }}{% endif %}")
        .InApp(Reminder, "Lembrete de visita", "{{ job.description }}: {{ window.range }}.")

        .Email(TechnicianAssigned, "{{ technician.first_name }} vai fazer a sua visita",
            Hello + "<p>{{ technician.first_name }} vai fazer a sua visita:</p>\n" + Visit + Thanks)
        .Sms(TechnicianAssigned, "{{ company.name }}: {{ technician.first_name }} vai fazer a sua visita {{ window.range }}.")
        .InApp(TechnicianAssigned, "Visita atribuída", "{{ technician.first_name }} vai fazer a sua visita {{ window.range }}.")
        .Push(TechnicianAssigned, "Novo serviço: {{ job.description }}", "{% if window.range %}{{ window.range }}, {% endif %}{{ job.address }} ({{ customer.name }}).")

        .Email(OnMyWay, "{{ technician.first_name }} está a caminho",
            Hello + "<p>{{ technician.first_name }} está a caminho de {{ job.address }}{% if eta.time %} e deve chegar por volta das <strong>{{ eta.time }}</strong>{% endif %}.</p>\n" +
            "<p><a href=\"{{ links.tracking }}\">Acompanhe a visita em direto</a></p>" + Thanks)
        .Sms(OnMyWay, "{{ company.name }}: {{ technician.first_name }} está a caminho{% if eta.time %}, chega por volta das {{ eta.time }}{% endif %}. Siga: {{ links.tracking }}")
        .InApp(OnMyWay, "A caminho", "{{ technician.first_name }} está a caminho{% if eta.time %} e chega por volta das {{ eta.time }}{% endif %}.")

        .Email(Arriving, "{{ technician.first_name }} está a chegar",
            Hello + "<p>{{ technician.first_name }} chega a {{ job.address }} dentro de cerca de {{ eta.minutes }} minutos.</p>\n" +
            "<p><a href=\"{{ links.tracking }}\">Acompanhe a visita em direto</a></p>" + Thanks)
        .Sms(Arriving, "{{ company.name }}: {{ technician.first_name }} chega dentro de cerca de {{ eta.minutes }} min. Siga: {{ links.tracking }}")
        .InApp(Arriving, "Está a chegar", "{{ technician.first_name }} chega dentro de cerca de {{ eta.minutes }} minutos.")

        .Email(Delayed, "A sua visita está atrasada",
            Hello + "<p>Lamentamos: a sua visita tem um atraso de cerca de {{ delay.minutes }} minutos. A nova hora prevista de chegada é <strong>{{ eta.time }}</strong>.</p>\n" +
            "<p><a href=\"{{ links.tracking }}\">Acompanhe a visita em direto</a></p>" + Thanks)
        .Sms(Delayed, "{{ company.name }}: lamentamos, temos um atraso de cerca de {{ delay.minutes }} min. Chegada prevista: {{ eta.time }}. Siga: {{ links.tracking }}")
        .InApp(Delayed, "Atraso", "Nova hora prevista de chegada: {{ eta.time }} ({{ delay.minutes }} min de atraso).")

        .Email(Completed, "A sua visita está concluída",
            Hello + "<p>A sua visita ({{ job.description }}) em {{ job.address }} está concluída.</p>\n" +
            "<p><a href=\"{{ links.report }}\">Veja o relatório da visita</a></p>" + Thanks)
        .Sms(Completed, "{{ company.name }}: a sua visita está concluída. Relatório: {{ links.report }}")
        .InApp(Completed, "Visita concluída", "{{ job.description }}: serviço concluído. O relatório está disponível.")

        .Email(ReviewRequest, "Como correu a visita?",
            Hello + "<p>Obrigado pela sua preferência. Como correu a visita{% if technician.first_name %} de {{ technician.first_name }}{% endif %}?</p>\n" +
            "<p><a href=\"{{ links.review }}\">Deixe a sua avaliação</a>: demora um minuto.</p>" + Thanks)
        .Sms(ReviewRequest, "{{ company.name }}: como correu a visita? Avalie em 1 minuto: {{ links.review }}")
        .InApp(ReviewRequest, "Como correu?", "Conte-nos como correu a sua visita.")

        .Email(EstimateReady, "O seu orçamento está pronto: {{ estimate.title }}",
            Hello + "<p>O seu orçamento «{{ estimate.title }}», no valor de {{ estimate.total }}, está pronto.</p>\n" +
            "<p><a href=\"{{ links.estimate }}\">Consulte e aprove o orçamento</a></p>" + Thanks)
        .Sms(EstimateReady, "{{ company.name }}: o seu orçamento \"{{ estimate.title }}\" ({{ estimate.total }}) está pronto: {{ links.estimate }}")
        .InApp(EstimateReady, "Orçamento pronto", "{{ estimate.title }}: {{ estimate.total }}.")

        .Email(InvoiceIssued, "Fatura {{ invoice.number }}",
            Hello + "<p>A fatura {{ invoice.number }}, no valor de {{ invoice.total }}, vence a {{ invoice.due_date }}.</p>\n" +
            "<p><a href=\"{{ links.invoice }}\">Consulte e pague a fatura</a></p>" + Thanks)
        .Sms(InvoiceIssued, "{{ company.name }}: fatura {{ invoice.number }} de {{ invoice.total }}, vence a {{ invoice.due_date }}: {{ links.invoice }}")
        .InApp(InvoiceIssued, "Nova fatura", "Fatura {{ invoice.number }}: {{ invoice.total }}, vence a {{ invoice.due_date }}.")

        .Email(PaymentReceipt, "Pagamento recebido: {{ payment.amount }}",
            Hello + "<p>Obrigado: recebemos o seu pagamento de {{ payment.amount }} referente à fatura {{ invoice.number }}.</p>\n" +
            "<p><a href=\"{{ links.invoice }}\">Consulte a fatura</a></p>" + Thanks)
        .Sms(PaymentReceipt, "{{ company.name }}: obrigado, recebemos {{ payment.amount }} da fatura {{ invoice.number }}.")
        .InApp(PaymentReceipt, "Pagamento recebido", "{{ payment.amount }} da fatura {{ invoice.number }}. Obrigado!")

        .Email(PaymentReminder,
            "{% if payment.attempt %}O pagamento da fatura {{ invoice.number }} não foi aceite{% else %}Lembrete: fatura {{ invoice.number }} por pagar{% endif %}",
            Hello + "{% if payment.attempt %}<p>Tentámos cobrar {{ invoice.total }} da fatura {{ invoice.number }} e o pagamento falhou (tentativa {{ payment.attempt }}).</p>\n" +
            "{% if payment.next_retry %}<p>Voltaremos a tentar a {{ payment.next_retry }}. Pode pagar já ou atualizar o seu cartão.</p>" +
            "{% else %}<p>Foi a última tentativa{% if payment.plan_paused %}: suspendemos o seu plano de manutenção até a fatura estar paga{% endif %}.</p>{% endif %}\n" +
            "{% elsif invoice.days_overdue %}<p>A fatura {{ invoice.number }}, no valor de {{ invoice.total }}, venceu a {{ invoice.due_date }}: há {{ invoice.days_overdue }} dias.</p>\n" +
            "{% else %}<p>A fatura {{ invoice.number }}, no valor de {{ invoice.total }}, vence a {{ invoice.due_date }}.</p>\n{% endif %}" +
            "<p><a href=\"{{ links.invoice }}\">Pague a fatura</a></p>\n<p>Se já a pagou, obrigado: pode ignorar esta mensagem.</p>" + Thanks)
        .Sms(PaymentReminder, "{{ company.name }}: {% if payment.attempt %}o pagamento da fatura {{ invoice.number }} ({{ invoice.total }}) falhou.{% if payment.next_retry %} Nova tentativa a {{ payment.next_retry }}.{% elsif payment.plan_paused %} Plano suspenso.{% endif %}" +
            "{% else %}a fatura {{ invoice.number }} ({{ invoice.total }}) vence a {{ invoice.due_date }}.{% endif %} Pague: {{ links.invoice }}")
        .InApp(PaymentReminder, "{% if payment.attempt %}Pagamento falhou{% else %}Fatura por pagar{% endif %}",
            "{% if payment.attempt %}Fatura {{ invoice.number }}: {{ invoice.total }}, a tentativa {{ payment.attempt }} falhou.{% if payment.next_retry %} Nova tentativa a {{ payment.next_retry }}.{% elsif payment.plan_paused %} O seu plano está suspenso.{% endif %}" +
            "{% else %}Fatura {{ invoice.number }}: {{ invoice.total }}, vence a {{ invoice.due_date }}.{% endif %}")

        .Email(Message, "Nova mensagem: {{ company.name }}", Hello + "<p>{{ message.text | newline_to_br }}</p>" + Thanks)
        .Sms(Message, "{{ company.name }}: {{ message.text }}")
        .InApp(Message, "Nova mensagem", "{{ message.text }}")

        .Email(CaseAcknowledged, "[{{ case.number }}] Recebemos o seu pedido",
            Hello + "<p>Recebemos o seu pedido «{{ case.subject }}». O número é <strong>{{ case.number }}</strong>.</p>\n" +
            "<p>Respondemos em breve; pode acompanhá-lo e responder no <a href=\"{{ links.case }}\">seu portal</a>.</p>" + Thanks)
        .Sms(CaseAcknowledged, "{{ company.name }}: recebemos o seu pedido {{ case.number }} e respondemos em breve: {{ links.case }}")
        .InApp(CaseAcknowledged, "Pedido {{ case.number }} recebido", "«{{ case.subject }}»: respondemos em breve.")

        .Email(CaseReplied, "[{{ case.number }}] {{ case.subject }}",
            Hello + "<p>{{ case.reply | newline_to_br }}</p>\n" +
            "<p>Pode responder no <a href=\"{{ links.case }}\">seu portal</a>.</p>" + Thanks)
        .Sms(CaseReplied, "{{ company.name }} respondeu ao seu pedido {{ case.number }}: {{ links.case }}")
        .InApp(CaseReplied, "Resposta ao pedido {{ case.number }}", "{{ case.reply }}")

        .Email(NpsSurvey, "Uma pergunta da {{ company.name }}",
            Hello + "<p>Qual a probabilidade de recomendar a {{ company.name }} a um amigo ou vizinho?</p>\n" +
            "<p><a href=\"{{ links.survey }}\">Responda numa escala de 0 a 10</a>: demora uns segundos.</p>" + Thanks)
        .Sms(NpsSurvey, "{{ company.name }}: recomendava-nos? Uma pergunta, de 0 a 10: {{ links.survey }}")
        .InApp(NpsSurvey, "Uma pergunta", "Recomendaria a {{ company.name }}?")
        .Templates;
}
