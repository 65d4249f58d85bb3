-- The help center: the same tables as PostgreSql/0011-help-center.sql, with FTS5 for the search. The index terms are
-- made by HelpTextAnalyzer (folded, stemmed) before they reach SQLite, so FTS5 only splits them on spaces. Times are
-- integer microseconds since the Unix epoch (UTC).
CREATE TABLE IF NOT EXISTS help_articles
(
    tenant_id     TEXT    NOT NULL,
    article_id    TEXT    NOT NULL,
    language      TEXT    NOT NULL,
    category_id   TEXT    NOT NULL,
    slug          TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    html          TEXT    NOT NULL,
    published_at  INTEGER NOT NULL,
    views         INTEGER NOT NULL DEFAULT 0,
    helpful       INTEGER NOT NULL DEFAULT 0,
    unhelpful     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, article_id, language)
);

CREATE INDEX IF NOT EXISTS help_articles_by_category ON help_articles (tenant_id, language, category_id);
CREATE INDEX IF NOT EXISTS help_articles_by_views ON help_articles (tenant_id, language, views DESC);

-- One row per published translation; bm25 ranks with the title weighing more than the text.
CREATE VIRTUAL TABLE IF NOT EXISTS help_articles_fts USING fts5
(
    title, body, tenant_id UNINDEXED, language UNINDEXED, article_id UNINDEXED, tokenize = 'unicode61'
);

CREATE TABLE IF NOT EXISTS help_words
(
    tenant_id  TEXT NOT NULL,
    language   TEXT NOT NULL,
    word       TEXT NOT NULL,
    PRIMARY KEY (tenant_id, language, word)
);

-- The same words by their trigrams, to find the most similar one to a misspelt search word (FTS5's trigram tokenizer).
CREATE VIRTUAL TABLE IF NOT EXISTS help_words_trigrams USING fts5
(
    word, tenant_id UNINDEXED, language UNINDEXED, tokenize = 'trigram'
);

CREATE TABLE IF NOT EXISTS help_search_misses
(
    tenant_id  TEXT    NOT NULL,
    language   TEXT    NOT NULL,
    query      TEXT    NOT NULL,
    searches   INTEGER NOT NULL,
    last_at    INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, language, query)
);

-- A customer who, writing a new case, read a suggested article and said it answered them: a case not opened. The
-- deflection rate sets these against the cases customers did open from the portal.
CREATE TABLE IF NOT EXISTS help_deflections
(
    tenant_id    TEXT    NOT NULL,
    customer_id  TEXT    NOT NULL,
    article_id   TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    at           INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS help_deflections_by_time ON help_deflections (tenant_id, at);
