using OrleansPortal.Grains.Support.HelpCenter;

namespace OrleansPortal.Grains.Tests.Support.HelpCenter;

/// <summary>
/// A small help center in English and Portuguese, and searches a customer would type with the article each should find
/// first: plain words, other forms of a word (stemming), misspellings, Portuguese with and without its accents.
/// </summary>
public static class HelpRelevanceSet
{
    public static readonly IReadOnlyList<(string Id, string Language, string Title, string Body)> Articles =
    [
        ("bleed", "en", "How to bleed a radiator", "If a radiator is cold at the top and warm at the bottom, air is trapped inside. Turn the heating off, open the bleed valve with a radiator key until water comes out, then close it."),
        ("thermostat", "en", "Resetting your thermostat after a power cut", "When the power comes back the thermostat display may be blank or show the wrong time. Hold the reset button for five seconds and set the heating schedule again."),
        ("pressure", "en", "What to do when your boiler pressure drops", "The gauge on the boiler should read between 1 and 1.5 bar. If the pressure is low, top it up with the filling loop, and call us if it keeps dropping."),
        ("winter", "en", "Winterizing your irrigation system", "Before the first freeze, shut off the water to the sprinklers and blow out the lines with compressed air so no pipe bursts."),
        ("spring", "en", "Spring start-up of your sprinklers", "In spring we turn the water back on, check every zone and head, and set the controller for the season."),
        ("backflow", "en", "Your annual backflow test: what to expect", "A certified tester checks the backflow preventer once a year and sends the report to the water company."),
        ("invoice", "en", "Paying an invoice online", "Open the invoice from your email or the portal and pay by card or SEPA debit. The receipt arrives by email."),
        ("reschedule", "en", "Rescheduling an appointment", "In the portal, open the appointment and choose another date and arrival window. We confirm the change by email."),
        ("tracking", "en", "Where is my technician? Tracking the arrival", "On the day of the visit the tracking link shows your technician on a live map with the expected arrival time."),
        ("tap", "en", "Fixing a leaking tap", "A tap that drips usually needs a new washer. Turn off the water under the sink before you take the tap apart."),
        ("purgar", "pt", "Como purgar um radiador", "Se o radiador está frio em cima e quente em baixo, tem ar. Desligue o aquecimento e abra a válvula de purga com a chave até sair água."),
        ("termostato", "pt", "Reiniciar o termóstato depois de um corte de energia", "Quando a energia volta, o ecrã do termóstato pode ficar apagado. Carregue no botão de reinício durante cinco segundos."),
        ("caldeira", "pt", "A pressão da caldeira desceu: o que fazer", "O manómetro da caldeira deve marcar entre 1 e 1,5 bar. Se a pressão estiver baixa, encha o circuito pela torneira de enchimento."),
        ("rega", "pt", "Preparar a rega automática para o inverno", "Antes das geadas, feche a água dos aspersores e esvazie os tubos com ar comprimido."),
        ("fatura", "pt", "Pagar uma fatura online", "Abra a fatura no email ou no portal e faça o pagamento com cartão ou débito direto. O recibo chega por email."),
        ("remarcar", "pt", "Remarcar uma visita", "No portal, abra a visita e escolha outra data e outra janela de chegada."),
        ("torneira", "pt", "Torneira a pingar: como reparar", "Uma torneira que pinga precisa quase sempre de um vedante novo. Feche a água antes de a desmontar."),
        ("eletrico", "pt", "Aquecimento elétrico: como poupar energia", "Os aquecedores elétricos gastam menos com um termóstato programado e as portas fechadas."),
    ];

    public static readonly IReadOnlyList<(string Language, string Query, string Expected)> Queries =
    [
        ("en", "bleed radiator", "bleed"),
        ("en", "bleeding radiators", "bleed"),
        ("en", "thermostta reset", "thermostat"),
        ("en", "boiler pressure is low", "pressure"),
        ("en", "how do I pay my invoice", "invoice"),
        ("en", "where is my technician", "tracking"),
        ("en", "sprinkler freeze winter", "winter"),
        ("en", "tap dripping", "tap"),
        ("en", "backflow tset", "backflow"),
        ("en", "change my appointment date", "reschedule"),
        ("pt", "purgar radiadores", "purgar"),
        ("pt", "termostato", "termostato"),
        ("pt", "pressão da caldeira", "caldeira"),
        ("pt", "aquecimento elétrico", "eletrico"),
        ("pt", "aquecimento eletrico", "eletrico"),
        ("pt", "pagamento da fatura", "fatura"),
        ("pt", "torneiras a pingar", "torneira"),
        ("pt", "calderia", "caldeira"),
    ];

    public static HelpPublication Publication(string tenantId, (string Id, string Language, string Title, string Body) article) =>
        HelpPublications.Of(tenantId, article.Id, "general", article.Language, HelpArticleRules.Slug(article.Title),
            new HelpArticleVersion(1, new HelpArticleText(article.Title, null, article.Body), new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), "ana@acme.test"));
}
