namespace OrleansPortal.Web.Support.HelpCenter;

/// <summary>The public help center's own words (headings, buttons) in each article language; English for any it lacks.</summary>
public sealed record HelpTexts(
    string HelpCenter, string SearchLabel, string SearchButton, string Popular, string Categories, string NoArticles, string ResultsFor,
    string NothingFound, string OpenCase, string SearchedAs, string WasItHelpful, string Yes, string No, string Thanks, string Updated, string Language, string Home)
{
    private static readonly Dictionary<string, HelpTexts> All = new(StringComparer.Ordinal)
    {
        ["en"] = new("Help center", "Search the help center", "Search", "Popular articles", "Categories", "No articles here yet.", "Results for",
            "Nothing matched your search.", "Still need help? Open a case in your portal", "Searched as", "Was this article helpful?", "Yes", "No",
            "Thank you for your answer.", "Updated", "Language", "Help center home"),
        ["pt"] = new("Centro de ajuda", "Pesquisar no centro de ajuda", "Pesquisar", "Artigos mais lidos", "Categorias", "Ainda não há artigos aqui.", "Resultados para",
            "A pesquisa não encontrou nada.", "Ainda precisa de ajuda? Abra um pedido no seu portal", "Pesquisado como", "Este artigo foi útil?", "Sim", "Não",
            "Obrigado pela sua resposta.", "Atualizado", "Idioma", "Início do centro de ajuda"),
        ["es"] = new("Centro de ayuda", "Buscar en el centro de ayuda", "Buscar", "Artículos populares", "Categorías", "Aún no hay artículos aquí.", "Resultados para",
            "La búsqueda no encontró nada.", "¿Necesita más ayuda? Abra un caso en su portal", "Buscado como", "¿Le ha sido útil este artículo?", "Sí", "No",
            "Gracias por su respuesta.", "Actualizado", "Idioma", "Inicio del centro de ayuda"),
        ["fr"] = new("Centre d’aide", "Rechercher dans le centre d’aide", "Rechercher", "Articles populaires", "Catégories", "Pas encore d’articles ici.", "Résultats pour",
            "La recherche n’a rien trouvé.", "Besoin d’aide ? Ouvrez une demande dans votre portail", "Recherché comme", "Cet article vous a-t-il aidé ?", "Oui", "Non",
            "Merci pour votre réponse.", "Mis à jour", "Langue", "Accueil du centre d’aide"),
        ["ar"] = new("مركز المساعدة", "ابحث في مركز المساعدة", "بحث", "المقالات الأكثر قراءة", "الفئات", "لا توجد مقالات هنا بعد.", "نتائج البحث عن",
            "لم يعثر البحث على شيء.", "هل ما زلت بحاجة إلى مساعدة؟ افتح طلبًا في بوابتك", "تم البحث عن", "هل كانت هذه المقالة مفيدة؟", "نعم", "لا",
            "شكرًا على إجابتك.", "آخر تحديث", "اللغة", "الصفحة الرئيسية لمركز المساعدة"),
    };

    public static HelpTexts For(string language) => All.GetValueOrDefault(language) ?? All["en"];
}
