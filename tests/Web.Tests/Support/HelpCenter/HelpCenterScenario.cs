using System.Net.Http.Json;
using OrleansPortal.Web.Support.HelpCenter;
using OrleansPortal.Web.Tests.Infrastructure;

namespace OrleansPortal.Web.Tests.Support.HelpCenter;

/// <summary>A company's help center built through the team's API: categories and articles, published in the languages asked.</summary>
public sealed class HelpCenterScenario(TenantScenario company)
{
    public TenantScenario Company => company;

    public async Task<HelpCategoryDto> AddCategoryAsync(string en, string? pt = null, string? parentId = null)
    {
        var names = new List<object> { new { language = "en", name = en } };
        if (pt is not null) names.Add(new { language = "pt", name = pt });
        var response = await company.Dispatcher.PostAsJsonAsync("/api/v1/support/help/categories", new { parentId, names });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<HelpCategoryDto>(ApiJson.Options))!;
    }

    /// <summary>An article written in English (and Portuguese when given), published in each.</summary>
    public async Task<HelpArticleDto> PublishAsync(string categoryId, (string Title, string Body) en, (string Title, string Body)? pt = null, string? summary = null)
    {
        var created = await company.Dispatcher.PostAsJsonAsync("/api/v1/support/help/articles",
            new { categoryId, language = "en", title = en.Title, summary, body = en.Body });
        created.EnsureSuccessStatusCode();
        var article = (await created.Content.ReadFromJsonAsync<HelpArticleDto>(ApiJson.Options))!;
        if (pt is { } portuguese)
            (await company.Dispatcher.PutAsJsonAsync($"/api/v1/support/help/articles/{article.ArticleId}/pt/draft", new { title = portuguese.Title, body = portuguese.Body })).EnsureSuccessStatusCode();
        (await company.Dispatcher.PostAsync($"/api/v1/support/help/articles/{article.ArticleId}/en/publish", null)).EnsureSuccessStatusCode();
        if (pt is not null) (await company.Dispatcher.PostAsync($"/api/v1/support/help/articles/{article.ArticleId}/pt/publish", null)).EnsureSuccessStatusCode();
        return (await company.Dispatcher.GetFromJsonAsync<HelpArticleDto>($"/api/v1/support/help/articles/{article.ArticleId}", ApiJson.Options))!;
    }
}
