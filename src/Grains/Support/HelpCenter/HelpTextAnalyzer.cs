namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// Turns an article's text, or a search, into what the search index compares: words folded to lower-case ASCII
/// ("Elétrico" and "eletrico" are one word; folding comes before stemming, so a search typed without accents is stemmed
/// as the accented text was), stop words dropped, each stemmed by its language's Snowball stemmer
/// ("leaks", "leaking" and "leaked" are "leak"). Both stores index these terms, so PostgreSQL and SQLite find the same
/// articles for the same search.
/// </summary>
public static class HelpTextAnalyzer
{
    /// <summary>Words longer than this are not words a person searches for (hashes, URLs run together).</summary>
    public const int MaxWordLength = 40;

    /// <summary>The words of <paramref name="text"/> as <see cref="SearchText"/> folds them (lower-case ASCII, accents
    /// removed, other scripts transliterated), in order, repeats and stop words kept.</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SearchText.Words(text).Where(w => w.Length <= MaxWordLength);
    }

    /// <summary>The words of <paramref name="text"/> that carry meaning (stop words dropped), not yet stemmed.</summary>
    public static IEnumerable<string> ContentWords(string text, HelpLanguage language) =>
        Words(text).Where(w => !language.StopWords.Contains(w));

    /// <summary>The index terms of <paramref name="text"/>, joined by spaces, in order.</summary>
    public static string Terms(string text, HelpLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var stemmer = language.Stemmer?.Invoke();
        return string.Join(' ', ContentWords(text, language).Select(w => Stem(w, stemmer)));
    }

    /// <summary>One word's term.</summary>
    public static string Term(string word, HelpLanguage language) => Stem(word, language.Stemmer?.Invoke());

    private static string Stem(string word, Lucene.Net.Tartarus.Snowball.SnowballProgram? stemmer)
    {
        if (stemmer is null || !word.All(char.IsLetter)) return word;
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
