using OrleansPortal.Grains.Support.HelpCenter;

namespace OrleansPortal.Web.Support.HelpCenter;

/// <summary>The public help center's addresses: <c>/help/{company}/{language}</c> and what hangs under it.</summary>
public static class HelpPaths
{
    public static string Root(string tenantId) => $"/help/{Uri.EscapeDataString(tenantId)}";

    public static string Home(string tenantId, string language) => $"{Root(tenantId)}/{language}";

    public static string Category(string homePath, string categoryId) => $"{homePath}/categories/{categoryId}";

    public static string Article(string homePath, HelpArticleListing article) => $"{homePath}/articles/{article.ArticleId}/{article.Slug}";

    public static string Article(string tenantId, string language, HelpArticleListing article) => Article(Home(tenantId, language), article);

    public static string Article(string tenantId, string language, string articleId, string slug) => $"{Home(tenantId, language)}/articles/{articleId}/{slug}";
}
