using Orleans;
using OrleansPortal.Grains.Support.HelpCenter;

namespace OrleansPortal.Web.Demo;

/// <summary>
/// The demo company's help center: three categories and a handful of articles in English and Portuguese, published, so
/// <c>/help/portodemo</c> answers real questions (irrigation controller errors among them, the demo case's topic).
/// Articles are created only in an empty help center: a restarted demo finds them and adds nothing.
/// </summary>
public sealed class DemoHelpCenter(IClusterClient grains)
{
    private static readonly (string Key, string En, string Pt)[] Categories =
    [
        ("irrigation", "Irrigation", "Rega"),
        ("heating", "Heating and hot water", "Aquecimento e águas quentes"),
        ("account", "Visits, payments and your account", "Visitas, pagamentos e a sua conta"),
    ];

    private static readonly (string Category, HelpArticleText En, HelpArticleText Pt)[] Articles =
    [
        ("irrigation",
            new("Irrigation controller shows E2", "What the E2 error means and what to check before you call us.",
                "**E2** means a zone valve did not answer the controller.\n\n1. Open the valve box of the zone that does not water and check it is dry.\n2. Check the wire connectors are tight and not green with corrosion.\n3. Clear the error: hold **Reset** for three seconds.\n\nIf E2 comes back within a day, book a visit: the valve's solenoid probably needs replacing."),
            new("O programador da rega mostra E2", "O que significa o erro E2 e o que verificar antes de nos ligar.",
                "**E2** significa que uma válvula de zona não respondeu ao programador.\n\n1. Abra a caixa das válvulas da zona que não rega e verifique se está seca.\n2. Confirme que os ligadores dos fios estão apertados e sem verdete.\n3. Limpe o erro: carregue em **Reset** durante três segundos.\n\nSe o E2 voltar no mesmo dia, marque uma visita: o solenoide da válvula deve precisar de ser substituído.")),
        ("irrigation",
            new("Winterizing your irrigation system", null,
                "Before the first frost we shut off the water to the sprinklers and blow the lines out with compressed air, so no pipe bursts.\n\nYou can book the winterization visit from the portal in October or November."),
            new("Preparar a rega para o inverno", null,
                "Antes das primeiras geadas fechamos a água dos aspersores e esvaziamos os tubos com ar comprimido, para nenhum tubo rebentar.\n\nPode marcar a visita de preparação para o inverno no portal, em outubro ou novembro.")),
        ("heating",
            new("What to do when your boiler pressure drops", null,
                "The gauge on the boiler should read between **1 and 1.5 bar** when the heating is off.\n\n- Below 1 bar: top it up with the filling loop until the needle reaches 1.2 bar, then close the loop.\n- If it drops again within a week there is a leak: open a case and we will find it."),
            new("A pressão da caldeira desceu: o que fazer", null,
                "Com o aquecimento desligado, o manómetro da caldeira deve marcar entre **1 e 1,5 bar**.\n\n- Abaixo de 1 bar: encha pela torneira de enchimento até o ponteiro chegar a 1,2 bar e feche-a.\n- Se voltar a descer numa semana há uma fuga: abra um pedido e nós encontramo-la.")),
        ("heating",
            new("How to bleed a radiator", null,
                "A radiator that is cold at the top and warm at the bottom has air in it.\n\n1. Turn the heating off and let the radiators cool.\n2. Open the bleed valve a quarter turn with a radiator key, with a cloth under it.\n3. Close it as soon as water comes out, then check the boiler pressure."),
            new("Como purgar um radiador", null,
                "Um radiador frio em cima e quente em baixo tem ar.\n\n1. Desligue o aquecimento e deixe os radiadores arrefecer.\n2. Abra a válvula de purga um quarto de volta com a chave, com um pano por baixo.\n3. Feche-a assim que sair água e verifique a pressão da caldeira.")),
        ("account",
            new("Paying an invoice online", null,
                "Open the invoice from its email or from **Billing** in your portal and pay by card. The receipt arrives by email, and the invoice shows as paid at once."),
            new("Pagar uma fatura online", null,
                "Abra a fatura a partir do email ou em **Faturação** no seu portal e pague com cartão. O recibo chega por email e a fatura fica paga de imediato.")),
        ("account",
            new("Where is my technician?", null,
                "On the day of your visit, the appointment in your portal shows your technician on a map while they are on their way to you, with the expected arrival time. Before they set off, it shows the arrival window."),
            new("Onde está o meu técnico?", null,
                "No dia da visita, a marcação no seu portal mostra o técnico num mapa enquanto vem a caminho, com a hora prevista de chegada. Antes de sair, mostra a janela de chegada.")),
    ];

    public async Task EnsureAsync()
    {
        var center = grains.GetGrain<IHelpCenterGrain>(DemoCompany.TenantId);
        var view = await center.GetAsync();
        if (view.Articles.Count > 0) return;
        var ids = new Dictionary<string, string>();
        for (var i = 0; i < Categories.Length; i++)
        {
            var (key, en, pt) = Categories[i];
            var existing = view.Categories.FirstOrDefault(c => c.Names.GetValueOrDefault("en") == en);
            ids[key] = (existing ?? await center.SaveCategoryAsync(new HelpCategoryEdit(null, null, new Dictionary<string, string> { ["en"] = en, ["pt"] = pt }, i))).CategoryId;
        }

        foreach (var (category, en, pt) in Articles)
        {
            var created = await center.CreateArticleAsync(ids[category], "en", en, DemoCompany.DispatcherEmail);
            var article = grains.GetGrain<IHelpArticleGrain>(Grains.TenantKeys.For(DemoCompany.TenantId, created.ArticleId));
            await article.SaveDraftAsync("pt", pt, DemoCompany.DispatcherEmail);
            await article.PublishAsync("en", DemoCompany.DispatcherEmail);
            await article.PublishAsync("pt", DemoCompany.DispatcherEmail);
        }
    }
}
