using System.Text;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary><see cref="IHelpSearch"/> on PostgreSQL or SQLite (migration 0011).</summary>
public sealed class HelpSearch(PortalDatabase database) : IHelpSearch
{
    /// <summary>More words than this in one search are not read: a pasted paragraph is not a question.</summary>
    public const int MaxWords = 8;

    /// <summary>Shorter words are not corrected: too many words are one letter away from them.</summary>
    public const int MinCorrectedLength = 4;

    public const int MaxQueryLength = 200;

    public async Task<HelpSearchResult> SearchAsync(string tenantId, string language, string query, int limit, CancellationToken cancellationToken = default)
    {
        var lang = HelpLanguages.Get(language);
        var words = HelpTextAnalyzer.ContentWords(query ?? "", lang).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        if (words.Count == 0) return new HelpSearchResult([], new Dictionary<string, string>());
        var corrections = await CorrectionsAsync(tenantId, lang.Code, words.Where(w => w.Length >= MinCorrectedLength && !w.All(char.IsAsciiDigit)).ToList(), cancellationToken);
        var terms = words.Select(w => HelpTextAnalyzer.Term(corrections.GetValueOrDefault(w, w), lang)).Distinct(StringComparer.Ordinal).ToList();
        var hits = database.IsPostgreSql
            ? await SearchPostgresAsync(tenantId, lang.Code, terms, limit, cancellationToken)
            : await SearchSqliteAsync(tenantId, lang.Code, terms, limit, cancellationToken);
        return new HelpSearchResult(hits, corrections);
    }

    // Articles matching more of the search's terms first, then by ts_rank (title terms weigh A, the text's B).
    private Task<List<HelpArticleListing>> SearchPostgresAsync(string tenantId, string language, List<string> terms, int limit, CancellationToken cancellationToken)
    {
        var coverage = string.Join(" + ", terms.Select((_, i) => $"(a.document @@ to_tsquery('simple', @t{i}))::int"));
        var sql = $"SELECT {HelpArticleIndex.ListingColumns} FROM help_articles a WHERE a.tenant_id = @tenant AND a.language = @language " +
            $"AND a.document @@ to_tsquery('simple', @any) ORDER BY {coverage} DESC, ts_rank(a.document, to_tsquery('simple', @any)) DESC, a.article_id LIMIT @limit";
        return database.QueryAsync(sql, a =>
        {
            // Terms are letters and digits only (HelpTextAnalyzer), so they need no quoting inside a tsquery.
            a.Add("@tenant", tenantId).Add("@language", language).Add("@any", string.Join(" | ", terms)).Add("@limit", limit);
            for (var i = 0; i < terms.Count; i++) a.Add($"@t{i}", terms[i]);
        }, r => HelpArticleIndex.ReadListing(database, r), cancellationToken);
    }

    // bm25 over FTS5, the title weighing four times the text.
    private Task<List<HelpArticleListing>> SearchSqliteAsync(string tenantId, string language, List<string> terms, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {HelpArticleIndex.ListingColumns} FROM help_articles_fts f JOIN help_articles a " +
            "ON a.tenant_id = f.tenant_id AND a.article_id = f.article_id AND a.language = f.language " +
            "WHERE help_articles_fts MATCH @match AND f.tenant_id = @tenant AND f.language = @language " +
            "ORDER BY bm25(help_articles_fts, 4.0, 1.0), a.article_id LIMIT @limit",
            a => a.Add("@match", "{title body} : (" + string.Join(" OR ", terms.Select(t => $"\"{t}\"")) + ")")
                .Add("@tenant", tenantId).Add("@language", language).Add("@limit", limit),
            r => HelpArticleIndex.ReadListing(database, r), cancellationToken);

    /// <summary>Each word the company's articles never use, with the most similar word they do (none when nothing is similar enough).</summary>
    private async Task<Dictionary<string, string>> CorrectionsAsync(string tenantId, string language, List<string> words, CancellationToken cancellationToken)
    {
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (words.Count == 0) return corrections;
        if (database.IsPostgreSql)
        {
            var values = string.Join(", ", words.Select((_, i) => $"(@w{i})"));
            var rows = await database.QueryAsync(
                "SELECT q.w, (SELECT h.word FROM help_words h WHERE h.tenant_id = @tenant AND h.language = @language AND h.word % q.w " +
                $"ORDER BY similarity(h.word, q.w) DESC, h.word LIMIT 1) FROM (VALUES {values}) AS q(w) " +
                "WHERE NOT EXISTS (SELECT 1 FROM help_words h WHERE h.tenant_id = @tenant AND h.language = @language AND h.word = q.w)",
                a => Bind(a, tenantId, language, words), r => (Word: r.GetString(0), Best: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken);
            foreach (var (word, best) in rows) if (best is not null) corrections[word] = best;
            return corrections;
        }

        var known = await database.QueryAsync(
            $"SELECT word FROM help_words WHERE tenant_id = @tenant AND language = @language AND word IN ({string.Join(", ", words.Select((_, i) => $"@w{i}"))})",
            a => Bind(a, tenantId, language, words), r => r.GetString(0), cancellationToken);
        foreach (var word in words.Except(known, StringComparer.Ordinal))
        {
            // FTS5's trigram index finds words sharing trigrams with it; the best of them by pg_trgm's measure wins.
            var match = string.Join(" OR ", Trigrams.Inner(word).Distinct(StringComparer.Ordinal).Select(t => $"\"{t}\""));
            var candidates = await database.QueryAsync(
                "SELECT word FROM help_words_trigrams WHERE help_words_trigrams MATCH @match AND tenant_id = @tenant AND language = @language " +
                "ORDER BY bm25(help_words_trigrams) LIMIT 50",
                a => a.Add("@match", "word : (" + match + ")").Add("@tenant", tenantId).Add("@language", language), r => r.GetString(0), cancellationToken);
            var best = candidates.Select(c => (Word: c, Score: Trigrams.Similarity(c, word))).Where(c => c.Score >= Trigrams.Threshold)
                .OrderByDescending(c => c.Score).ThenBy(c => c.Word, StringComparer.Ordinal).FirstOrDefault();
            if (best.Word is not null) corrections[word] = best.Word;
        }

        return corrections;
    }

    private static void Bind(SqlArguments a, string tenantId, string language, List<string> words)
    {
        a.Add("@tenant", tenantId).Add("@language", language);
        for (var i = 0; i < words.Count; i++) a.Add($"@w{i}", words[i]);
    }

    public Task RecordMissAsync(string tenantId, string language, string query, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var words = string.Join(' ', HelpTextAnalyzer.Words(query ?? ""));
        if (words.Length == 0) return Task.CompletedTask;
        if (words.Length > MaxQueryLength) words = words[..MaxQueryLength];
        return database.ExecuteAsync(
            "INSERT INTO help_search_misses (tenant_id, language, query, searches, last_at) VALUES (@tenant, @language, @query, 1, @at) " +
            "ON CONFLICT (tenant_id, language, query) DO UPDATE SET searches = help_search_misses.searches + 1, last_at = excluded.last_at",
            a => a.Add("@tenant", tenantId).Add("@language", language).Add("@query", words).AddTime("@at", at), cancellationToken);
    }

    public async Task<IReadOnlyList<HelpSearchMiss>> MissesAsync(string tenantId, int limit, CancellationToken cancellationToken = default) =>
        await database.QueryAsync("SELECT language, query, searches, last_at FROM help_search_misses WHERE tenant_id = @tenant " +
            "ORDER BY searches DESC, last_at DESC LIMIT @limit", a => a.Add("@tenant", tenantId).Add("@limit", limit),
            r => new HelpSearchMiss(r.GetString(0), r.GetString(1), PortalDatabase.ReadLong(r, 2), database.ReadTime(r, 3)), cancellationToken);
}
