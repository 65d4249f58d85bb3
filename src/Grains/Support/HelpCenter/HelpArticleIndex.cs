using System.Data.Common;
using OrleansPortal.Grains.Storage;

namespace OrleansPortal.Grains.Support.HelpCenter;

/// <summary><see cref="IHelpArticleIndex"/> on PostgreSQL or SQLite (migration 0011).</summary>
public sealed class HelpArticleIndex(PortalDatabase database) : IHelpArticleIndex
{
    internal const string ListingColumns = "a.article_id, a.language, a.category_id, a.slug, a.title, a.description, a.published_at, a.views";

    // Counters (views, votes) survive a new version; an older version reported late never replaces a newer one.
    private const string Upsert =
        "INSERT INTO help_articles (tenant_id, article_id, language, category_id, slug, version, title, description, html, published_at{0}) " +
        "VALUES (@tenant, @article, @language, @category, @slug, @version, @title, @description, @html, @published{1}) " +
        "ON CONFLICT (tenant_id, article_id, language) DO UPDATE SET category_id = excluded.category_id, slug = excluded.slug, " +
        "version = excluded.version, title = excluded.title, description = excluded.description, html = excluded.html, " +
        "published_at = excluded.published_at{2} WHERE help_articles.version <= excluded.version";

    private static readonly string PostgresUpsert = string.Format(System.Globalization.CultureInfo.InvariantCulture, Upsert, ", document",
        ", setweight(to_tsvector('simple', @titleTerms), 'A') || setweight(to_tsvector('simple', @bodyTerms), 'B')", ", document = excluded.document");

    private static readonly string SqliteUpsert = string.Format(System.Globalization.CultureInfo.InvariantCulture, Upsert, "", "", "");

    public Task PublishAsync(HelpPublication publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var p = publication;
        return database.TransactAsync<bool>(async t =>
        {
            var stored = await t.ExecuteAsync(t.IsPostgreSql ? PostgresUpsert : SqliteUpsert, a => a
                .Add("@tenant", p.TenantId).Add("@article", p.ArticleId).Add("@language", p.Language).Add("@category", p.CategoryId)
                .Add("@slug", p.Slug).Add("@version", p.Version).Add("@title", p.Title).Add("@description", p.Description).Add("@html", p.Html)
                .AddTime("@published", p.PublishedAt).Add("@titleTerms", p.TitleTerms).Add("@bodyTerms", p.BodyTerms));
            if (stored == 0) return false; // a newer version is there already
            if (t.IsPostgreSql)
            {
                await t.ExecuteAsync("INSERT INTO help_words (tenant_id, language, word) SELECT @tenant, @language, unnest(@words) ON CONFLICT DO NOTHING",
                    a => a.Add("@tenant", p.TenantId).Add("@language", p.Language).Add("@words", p.Words.ToArray()));
                return true;
            }

            await t.ExecuteAsync("DELETE FROM help_articles_fts WHERE tenant_id = @tenant AND language = @language AND article_id = @article",
                a => a.Add("@tenant", p.TenantId).Add("@language", p.Language).Add("@article", p.ArticleId));
            await t.ExecuteAsync("INSERT INTO help_articles_fts (title, body, tenant_id, language, article_id) VALUES (@title, @body, @tenant, @language, @article)",
                a => a.Add("@title", p.TitleTerms).Add("@body", p.BodyTerms).Add("@tenant", p.TenantId).Add("@language", p.Language).Add("@article", p.ArticleId));
            foreach (var word in p.Words)
            {
                // The trigram table learns only words the company had not used yet.
                var added = await t.ExecuteAsync("INSERT OR IGNORE INTO help_words (tenant_id, language, word) VALUES (@tenant, @language, @word)",
                    a => a.Add("@tenant", p.TenantId).Add("@language", p.Language).Add("@word", word));
                if (added > 0)
                    await t.ExecuteAsync("INSERT INTO help_words_trigrams (word, tenant_id, language) VALUES (@word, @tenant, @language)",
                        a => a.Add("@word", word).Add("@tenant", p.TenantId).Add("@language", p.Language));
            }

            return true;
        }, cancellationToken);
    }

    public Task UnpublishAsync(string tenantId, string articleId, string language, CancellationToken cancellationToken = default) =>
        database.TransactAsync<bool>(async t =>
        {
            void Key(SqlArguments a) => a.Add("@tenant", tenantId).Add("@article", articleId).Add("@language", language);
            await t.ExecuteAsync("DELETE FROM help_articles WHERE tenant_id = @tenant AND article_id = @article AND language = @language", Key);
            if (!t.IsPostgreSql)
                await t.ExecuteAsync("DELETE FROM help_articles_fts WHERE tenant_id = @tenant AND article_id = @article AND language = @language", Key);
            return true;
        }, cancellationToken);

    public async Task<HelpArticlePage?> GetAsync(string tenantId, string articleId, string language, CancellationToken cancellationToken = default) =>
        (await database.QueryAsync($"SELECT {ListingColumns}, a.version, a.html, a.helpful, a.unhelpful FROM help_articles a " +
            "WHERE a.tenant_id = @tenant AND a.article_id = @article AND a.language = @language",
            a => a.Add("@tenant", tenantId).Add("@article", articleId).Add("@language", language),
            r => new HelpArticlePage(ReadListing(database, r), (int)PortalDatabase.ReadLong(r, 8), r.GetString(9), PortalDatabase.ReadLong(r, 10), PortalDatabase.ReadLong(r, 11)),
            cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<HelpArticleListing>> TranslationsAsync(string tenantId, string articleId, CancellationToken cancellationToken = default) =>
        await database.QueryAsync($"SELECT {ListingColumns} FROM help_articles a WHERE a.tenant_id = @tenant AND a.article_id = @article ORDER BY a.language",
            a => a.Add("@tenant", tenantId).Add("@article", articleId), r => ReadListing(database, r), cancellationToken);

    public async Task<IReadOnlyList<HelpArticleListing>> ListAsync(
        string tenantId, string language, IReadOnlyCollection<string>? categoryIds, int limit, CancellationToken cancellationToken = default)
    {
        var ids = categoryIds?.ToList() ?? [];
        var filter = categoryIds is null ? "" : ids.Count == 0 ? " AND 1 = 0" : $" AND a.category_id IN ({string.Join(", ", ids.Select((_, i) => $"@c{i}"))})";
        return await database.QueryAsync($"SELECT {ListingColumns} FROM help_articles a WHERE a.tenant_id = @tenant AND a.language = @language{filter} " +
            "ORDER BY a.title, a.article_id LIMIT @limit", a =>
            {
                a.Add("@tenant", tenantId).Add("@language", language).Add("@limit", limit);
                for (var i = 0; i < ids.Count; i++) a.Add($"@c{i}", ids[i]);
            }, r => ReadListing(database, r), cancellationToken);
    }

    public async Task<IReadOnlyList<HelpArticleListing>> PopularAsync(string tenantId, string language, int limit, CancellationToken cancellationToken = default) =>
        await database.QueryAsync($"SELECT {ListingColumns} FROM help_articles a WHERE a.tenant_id = @tenant AND a.language = @language " +
            "ORDER BY a.views DESC, a.title LIMIT @limit",
            a => a.Add("@tenant", tenantId).Add("@language", language).Add("@limit", limit), r => ReadListing(database, r), cancellationToken);

    public async Task<IReadOnlyList<string>> LanguagesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await database.QueryAsync("SELECT DISTINCT language FROM help_articles WHERE tenant_id = @tenant ORDER BY language",
            a => a.Add("@tenant", tenantId), r => r.GetString(0), cancellationToken);

    public async Task<IReadOnlyList<HelpArticleListing>> AllAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await database.QueryAsync($"SELECT {ListingColumns} FROM help_articles a WHERE a.tenant_id = @tenant ORDER BY a.article_id, a.language LIMIT 50000",
            a => a.Add("@tenant", tenantId), r => ReadListing(database, r), cancellationToken);

    public Task CountViewAsync(string tenantId, string articleId, string language, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("UPDATE help_articles SET views = views + 1 WHERE tenant_id = @tenant AND article_id = @article AND language = @language",
            a => a.Add("@tenant", tenantId).Add("@article", articleId).Add("@language", language), cancellationToken);

    public async Task<bool> VoteAsync(string tenantId, string articleId, string language, bool helpful, CancellationToken cancellationToken = default) =>
        await database.ExecuteAsync($"UPDATE help_articles SET {(helpful ? "helpful = helpful + 1" : "unhelpful = unhelpful + 1")} " +
            "WHERE tenant_id = @tenant AND article_id = @article AND language = @language",
            a => a.Add("@tenant", tenantId).Add("@article", articleId).Add("@language", language), cancellationToken) > 0;

    /// <summary>Reads <see cref="ListingColumns"/> from the row's first eight columns.</summary>
    internal static HelpArticleListing ReadListing(PortalDatabase database, DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), database.ReadTime(r, 6), PortalDatabase.ReadLong(r, 7));
}
