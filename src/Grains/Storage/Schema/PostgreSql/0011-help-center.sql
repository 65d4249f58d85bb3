-- The help center's published articles, one row per article and language, as the public pages and the search read
-- them (the drafts and the version history live in each article's grain). `document` holds the article's index terms
-- (HelpTextAnalyzer: accents folded, stop words dropped, Snowball-stemmed per language), title weighted A and text B,
-- under the 'simple' configuration so PostgreSQL adds no stemming of its own: both stores index the same terms.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE IF NOT EXISTS help_articles
(
    tenant_id     text        NOT NULL,
    article_id    text        NOT NULL,
    language      text        NOT NULL,
    category_id   text        NOT NULL,
    slug          text        NOT NULL,
    version       integer     NOT NULL,
    title         text        NOT NULL,
    description   text        NOT NULL,
    html          text        NOT NULL,
    published_at  timestamptz NOT NULL,
    document      tsvector    NOT NULL,
    views         bigint      NOT NULL DEFAULT 0,
    helpful       bigint      NOT NULL DEFAULT 0,
    unhelpful     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, article_id, language)
);

CREATE INDEX IF NOT EXISTS help_articles_search ON help_articles USING gin (document);
CREATE INDEX IF NOT EXISTS help_articles_by_category ON help_articles (tenant_id, language, category_id);
CREATE INDEX IF NOT EXISTS help_articles_by_views ON help_articles (tenant_id, language, views DESC);

-- Every word published articles use, per company and language (accents folded, not stemmed): a search word that is
-- not among them is replaced by the most similar one that is (pg_trgm), so "thermostta" finds "thermostat".
CREATE TABLE IF NOT EXISTS help_words
(
    tenant_id  text NOT NULL,
    language   text NOT NULL,
    word       text NOT NULL,
    PRIMARY KEY (tenant_id, language, word)
);

CREATE INDEX IF NOT EXISTS help_words_trigrams ON help_words USING gin (word gin_trgm_ops);

-- Searches that found nothing, for the team to write the missing articles.
CREATE TABLE IF NOT EXISTS help_search_misses
(
    tenant_id  text        NOT NULL,
    language   text        NOT NULL,
    query      text        NOT NULL,
    searches   bigint      NOT NULL,
    last_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, language, query)
);

-- A customer who, writing a new case, read a suggested article and said it answered them: a case not opened. The
-- deflection rate sets these against the cases customers did open from the portal.
CREATE TABLE IF NOT EXISTS help_deflections
(
    tenant_id    text        NOT NULL,
    customer_id  text        NOT NULL,
    article_id   text        NOT NULL,
    language     text        NOT NULL,
    at           timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS help_deflections_by_time ON help_deflections (tenant_id, at);
