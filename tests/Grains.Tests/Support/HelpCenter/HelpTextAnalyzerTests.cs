using OrleansPortal.Grains.Support.HelpCenter;

namespace OrleansPortal.Grains.Tests.Support.HelpCenter;

public sealed class HelpTextAnalyzerTests
{
    [Theory]
    [InlineData("en", "Leaking taps, leaked tap, leaks", "leak tap leak tap leak")]
    [InlineData("en", "How to bleed the radiators", "how bleed radiat")] // Lucene's English stop words are few: "how" stays
    [InlineData("pt", "A pressão da caldeira desceu", "pressa caldeir desc")]
    [InlineData("pt", "pressao das CALDEIRAS", "pressa caldeir")]
    [InlineData("pt", "Termóstato elétrico", "termostat eletr")]
    public void Terms_AreFoldedStemmedAndWithoutStopWords(string language, string text, string terms) =>
        Assert.Equal(terms, HelpTextAnalyzer.Terms(text, HelpLanguages.Get(language)));

    [Fact]
    public void ASlug_IsTheTitlesFoldedWords_CutAtAWord()
    {
        Assert.Equal("o-programador-da-rega-mostra-e2", HelpArticleRules.Slug("O programador da rega mostra «E2»!"));
        Assert.Equal("article", HelpArticleRules.Slug("?!"));
        Assert.True(HelpArticleRules.Slug(string.Join(' ', Enumerable.Repeat("radiator", 20))).Length <= HelpArticleRules.MaxSlug);
    }

    [Fact]
    public void Markdown_IsSanitized_AndRawHtmlIsText()
    {
        var html = HelpMarkdown.ToHtml("# Title\n\n<img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold**\n\n| a | b |\n|--:|:-:|\n| 1 | 2 |");

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.Contains("id=\"title\"", html);
        Assert.Contains("<td>1</td>", html); // the table stays, its alignment (an inline style the pages' CSP refuses) does not
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public void Similarity_CountsTrigramsAsPgTrgmDoes()
    {
        Assert.Equal(1.0, Trigrams.Similarity("word", "word"));
        Assert.Equal(0.0, Trigrams.Similarity("abc", "xyz"));
        Assert.True(Trigrams.Similarity("thermostta", "thermostat") >= Trigrams.Threshold);
        Assert.True(Trigrams.Similarity("boiler", "radiator") < Trigrams.Threshold);
    }
}
