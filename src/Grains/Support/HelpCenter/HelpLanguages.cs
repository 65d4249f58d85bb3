using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// The languages a help center's articles are written in: each with its name in itself, its writing direction, its
/// Snowball stemmer and its stop words (from Lucene's analyzers). English is the default.
/// </summary>
public static class HelpLanguages
{
    public const string Default = "en";

    private static readonly Dictionary<string, HelpLanguage> All = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = Language("en", "English", RightToLeft: false, () => new EnglishStemmer(), Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet),
        ["pt"] = Language("pt", "Português", RightToLeft: false, () => new PortugueseStemmer(), Lucene.Net.Analysis.Pt.PortugueseAnalyzer.DefaultStopSet),
        ["es"] = Language("es", "Español", RightToLeft: false, () => new SpanishStemmer(), Lucene.Net.Analysis.Es.SpanishAnalyzer.DefaultStopSet),
        ["fr"] = Language("fr", "Français", RightToLeft: false, () => new FrenchStemmer(), Lucene.Net.Analysis.Fr.FrenchAnalyzer.DefaultStopSet),
        // Arabic has no Snowball stemmer here: its words are matched whole (transliterated, as SearchText folds every script), and it is the
        // right-to-left language the help center's layout is checked with.
        ["ar"] = Language("ar", "العربية", RightToLeft: true, null, Lucene.Net.Analysis.Ar.ArabicAnalyzer.DefaultStopSet),
    };

    private static HelpLanguage Language(string code, string name, bool RightToLeft, Func<SnowballProgram>? stemmer, IEnumerable<string> stopWords) =>
        new(code, name, RightToLeft, stemmer, stopWords.SelectMany(HelpTextAnalyzer.Words).ToHashSet(StringComparer.Ordinal));

    public static IReadOnlyCollection<HelpLanguage> Supported => All.Values;

    public static bool IsSupported(string? code) => code is not null && All.ContainsKey(code);

    public static HelpLanguage Get(string code) =>
        All.TryGetValue(code, out var language) ? language : throw new ArgumentException($"'{code}' is not a help center language ({string.Join(", ", All.Keys)}).", nameof(code));
}

/// <param name="Code">ISO 639-1, lower case.</param>
/// <param name="Stemmer">Makes a new stemmer (they are not thread-safe), or null for a language matched by whole words.</param>
/// <param name="StopWords">Lucene's list for the language, with accents folded as <see cref="HelpTextAnalyzer.Words"/> folds them.</param>
public sealed record HelpLanguage(string Code, string Name, bool RightToLeft, Func<SnowballProgram>? Stemmer, IReadOnlySet<string> StopWords)
{

    public string Direction => RightToLeft ? "rtl" : "ltr";
}
