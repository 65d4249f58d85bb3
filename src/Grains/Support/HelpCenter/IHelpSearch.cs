namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary>
/// Full-text search of a company's published articles in one language: PostgreSQL (tsvector with a GIN index, pg_trgm
/// for misspellings) or SQLite (FTS5 with bm25, its trigram tokenizer for misspellings). Both index the terms
/// <see cref="HelpTextAnalyzer"/> makes, so they find the same articles.
/// </summary>
public interface IHelpSearch
{
    /// <summary>
    /// The best matches first. Words the company's articles never use are replaced by the most similar word they do use
    /// (the answer says which), then every remaining term counts: articles matching more of them rank first.
    /// </summary>
    Task<HelpSearchResult> SearchAsync(string tenantId, string language, string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records a search that found nothing (the same words count up).</summary>
    Task RecordMissAsync(string tenantId, string language, string query, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The searches that found nothing, the most frequent first.</summary>
    Task<IReadOnlyList<HelpSearchMiss>> MissesAsync(string tenantId, int limit, CancellationToken cancellationToken = default);
}

/// <param name="Corrections">Misspelt words and what they were searched as ("thermostta" → "thermostat").</param>
public sealed record HelpSearchResult(IReadOnlyList<HelpArticleListing> Hits, IReadOnlyDictionary<string, string> Corrections);

public sealed record HelpSearchMiss(string Language, string Query, long Searches, DateTimeOffset LastAt);
