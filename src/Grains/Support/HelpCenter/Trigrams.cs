namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// Word similarity by shared trigrams, counted as pg_trgm counts them (the word padded with two spaces before and one
/// after; shared trigrams over all distinct ones), so the SQLite store corrects a misspelling as PostgreSQL does.
/// </summary>
public static class Trigrams
{
    /// <summary>pg_trgm's default <c>similarity_threshold</c>: below it, two words are not taken for one another.</summary>
    public const double Threshold = 0.3;

    public static HashSet<string> Of(string word)
    {
        var padded = $"  {word} ";
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++) trigrams.Add(padded.Substring(i, 3));
        return trigrams;
    }

    public static double Similarity(string a, string b)
    {
        var x = Of(a);
        var y = Of(b);
        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    /// <summary>The word's inner trigrams (no padding), as FTS5's trigram tokenizer indexes words.</summary>
    public static IEnumerable<string> Inner(string word)
    {
        for (var i = 0; i + 3 <= word.Length; i++) yield return word.Substring(i, 3);
    }
}
