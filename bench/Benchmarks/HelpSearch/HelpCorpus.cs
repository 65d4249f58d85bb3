using OrleansPortal.Grains.Support.HelpCenter;

namespace OrleansPortal.Benchmarks.HelpSearch;

/// <summary>
/// A generated help center (seeded, so every run is the same): one article per system, problem and place, in English
/// and Portuguese, each with filler sentences that share most of their words with the others; and searches made from
/// one article's system, problem and place, some with another form of a word and some misspelt, whose answer is that article.
/// </summary>
internal static class HelpCorpus
{
    private static readonly (string En, string Pt)[] Systems =
    [
        ("boiler", "caldeira"), ("heat pump", "bomba de calor"), ("water heater", "esquentador"), ("radiator", "radiador"),
        ("thermostat", "termóstato"), ("air conditioner", "ar condicionado"), ("dehumidifier", "desumidificador"), ("sprinkler", "aspersor"),
        ("irrigation controller", "programador de rega"), ("backflow preventer", "válvula antirretorno"), ("septic tank", "fossa séptica"),
        ("water softener", "descalcificador"), ("solar panel", "painel solar"), ("inverter", "inversor"), ("chimney", "chaminé"),
        ("garage door", "portão da garagem"), ("dishwasher", "máquina de lavar loiça"), ("washing machine", "máquina de lavar roupa"),
        ("extractor fan", "exaustor"), ("smoke detector", "detetor de fumo"), ("pool pump", "bomba da piscina"), ("gutter", "caleira"),
        ("shower", "chuveiro"), ("toilet", "sanita"), ("tap", "torneira"), ("drain", "ralo"), ("fuse box", "quadro elétrico"),
        ("doorbell", "campainha"), ("intercom", "intercomunicador"), ("alarm panel", "central de alarme"),
    ];

    private static readonly (string En, string Pt)[] Problems =
    [
        ("leaking", "a verter"), ("noisy", "barulhento"), ("not starting", "não arranca"), ("overheating", "sobreaquecido"),
        ("frozen", "congelado"), ("rattling", "a chocalhar"), ("tripping", "a disparar"), ("smelling", "com cheiro"),
        ("blocked", "entupido"), ("corroded", "corroído"), ("flickering", "a piscar"), ("beeping", "a apitar"), ("vibrating", "a vibrar"),
        ("dripping", "a pingar"), ("cracked", "rachado"), ("rusty", "enferrujado"), ("stuck", "preso"), ("losing pressure", "a perder pressão"),
        ("short cycling", "a ligar e desligar"), ("condensation", "condensação"), ("error code", "código de erro"), ("draining slowly", "escoa devagar"),
        ("humming", "a zumbir"), ("no power", "sem corrente"), ("overflowing", "a transbordar"), ("stiff", "perro"), ("discoloured water", "água turva"),
        ("low flow", "pouco caudal"), ("sparking", "a faiscar"), ("mould", "bolor"), ("warped", "empenado"), ("loose", "solto"), ("scaling", "calcário"),
        ("whistling", "a assobiar"),
    ];

    private static readonly (string En, string Pt)[] Places =
    [
        ("kitchen", "cozinha"), ("basement", "cave"), ("garden", "jardim"), ("attic", "sótão"), ("bathroom", "casa de banho"),
    ];

    private static readonly string[] FillerEn =
    [
        "Our technicians see this often and most visits take under an hour.", "Before you call, check the power and the water supply.",
        "Keep the manual and the warranty card nearby when you book a visit.", "If you are not sure it is safe, switch it off and wait for us.",
        "Regular maintenance prevents most of these problems.", "You can book a visit from the portal at any time.",
    ];

    private static readonly string[] FillerPt =
    [
        "Os nossos técnicos veem isto muitas vezes e a maioria das visitas demora menos de uma hora.", "Antes de ligar, verifique a corrente e a água.",
        "Tenha o manual e a garantia por perto quando marcar uma visita.", "Se não tiver a certeza de que é seguro, desligue e espere por nós.",
        "A manutenção regular evita a maioria destes problemas.", "Pode marcar uma visita no portal a qualquer hora.",
    ];

    /// <summary>Half of <paramref name="count"/> in each language (at most 5,100 each).</summary>
    public static IEnumerable<(string Id, string Language, HelpArticleText Text)> Articles(int count)
    {
        foreach (var language in new[] { "en", "pt" })
        {
            var made = 0;
            var filler = language == "en" ? FillerEn : FillerPt;
            for (var s = 0; s < Systems.Length; s++)
            for (var p = 0; p < Problems.Length; p++)
            for (var l = 0; l < Places.Length; l++)
            {
                if (made++ >= count / 2) break;
                var (system, problem, place) = (Pick(Systems[s], language), Pick(Problems[p], language), Pick(Places[l], language));
                var title = language == "en" ? $"{Capital(system)} {problem} in the {place}" : $"{Capital(system)} {problem} na {place}";
                var body = language == "en"
                    ? $"When the {system} in the {place} is {problem}, this is what to check first. {filler[(s + p) % filler.Length]} {filler[(p + l + 1) % filler.Length]}"
                    : $"Quando o {system} na {place} está {problem}, verifique isto primeiro. {filler[(s + p) % filler.Length]} {filler[(p + l + 1) % filler.Length]}";
                yield return ($"{language}-{s}-{p}-{l}", language, new HelpArticleText(title, null, body));
            }
        }
    }

    /// <summary>Searches for <paramref name="count"/> random articles: their three subjects, one in five with a typo, one in five with a plural.</summary>
    public static IEnumerable<(string Language, string Query, string Expected)> Queries(IReadOnlyList<string> articleIds, int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var id = articleIds[random.Next(articleIds.Count)];
            var parts = id.Split('-');
            var language = parts[0];
            var (s, p, l) = (int.Parse(parts[1]), int.Parse(parts[2]), int.Parse(parts[3]));
            var words = new List<string> { Pick(Systems[s], language), Pick(Problems[p], language), Pick(Places[l], language) };
            var roll = random.Next(5);
            if (roll == 0) words[0] = Typo(words[0], random);
            else if (roll == 1) words[0] = Plural(words[0], language);
            yield return (language, string.Join(' ', words.OrderBy(_ => random.Next())), id);
        }
    }

    private static string Pick((string En, string Pt) pair, string language) => language == "en" ? pair.En : pair.Pt;

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    // Two neighbouring letters swapped in the longest word (a slip of the fingers), never the first letter.
    private static string Typo(string phrase, Random random)
    {
        var words = phrase.Split(' ');
        var longest = Array.IndexOf(words, words.MaxBy(w => w.Length));
        var word = words[longest];
        if (word.Length < 5) return phrase;
        var at = 1 + random.Next(word.Length - 3);
        words[longest] = string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2));
        return string.Join(' ', words);
    }

    private static string Plural(string phrase, string language)
    {
        var words = phrase.Split(' ');
        var last = words[^1];
        words[^1] = last.EndsWith('r') || last.EndsWith('l') ? last + "es" : last.EndsWith('s') ? last : last + "s";
        if (language == "en" && last.EndsWith('y')) words[^1] = last[..^1] + "ies";
        return string.Join(' ', words);
    }
}
