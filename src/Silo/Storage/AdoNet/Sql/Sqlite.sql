-- OrleansPortal storage schema for SQLite: the same tables as PostgreSql.sql, payload as TEXT (JSON) and
-- timestamps as ISO 8601 TEXT. WAL lets readers run while the single writer writes; the mode is stored in the file.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS orleans_grain_state (
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     TEXT,                   -- NULL: cleared (a tombstone that keeps the version)
    modified_at TEXT    NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
);

CREATE TABLE IF NOT EXISTS orleans_reminders (
    grain_type    TEXT    NOT NULL,
    grain_key     TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    start_at      TEXT    NOT NULL,
    period_ms     INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);
