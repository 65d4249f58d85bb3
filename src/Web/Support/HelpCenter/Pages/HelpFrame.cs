using OrleansPortal.Grains.Support.HelpCenter;

namespace OrleansPortal.Web.Support.HelpCenter.Pages;

/// <summary>What every public help center page shows around its content: the company, the language and its switcher, the search box, and the page's SEO head.</summary>
/// <param name="Canonical">The page's absolute address (from <c>Portal:PublicBaseUrl</c>, never the request's Host).</param>
/// <param name="Alternates">The page in each other language it exists in (hreflang links, and the switcher).</param>
public sealed record HelpFrame(
    string CompanyName, string HomePath, HelpLanguage Language, HelpTexts Texts, string Title, string Description, string Canonical,
    IReadOnlyList<HelpAlternate> Alternates, string? Query = null, bool NoIndex = false);

public sealed record HelpAlternate(string Language, string Name, string Href, string AbsoluteHref);
