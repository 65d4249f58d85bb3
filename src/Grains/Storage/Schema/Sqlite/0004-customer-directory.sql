-- The company's customers for the office's list and search: the same table as PostgreSql/0004-customer-directory.sql;
-- created_at is integer microseconds since the Unix epoch (UTC), as every time in the app's own SQLite tables.
CREATE TABLE IF NOT EXISTS customer_directory
(
    tenant_id     TEXT    NOT NULL,
    customer_id   TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    sort_name     TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    contact_name  TEXT    NULL,
    contact_email TEXT    NULL,
    contact_phone TEXT    NULL,
    contacts      INTEGER NOT NULL,
    properties    INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    search_text   TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS customer_directory_by_name ON customer_directory (tenant_id, sort_name, customer_id);
