-- OrleansPortal storage schema for PostgreSQL 15 and later: grain state and reminders.
-- The silo runs this same text at start (AdoNetGrainStorage / AdoNetReminderTable InitializeAsync).
-- To apply it by hand:  psql "<connection>" -v ON_ERROR_STOP=1 -f PostgreSql.sql
-- It is idempotent. CREATE TABLE IF NOT EXISTS is not safe when two sessions run it at once, so the script
-- holds a transaction-scoped advisory lock (an arbitrary constant key) while it creates the tables.
BEGIN;

SELECT pg_advisory_xact_lock(7201500311);

-- One record per (grain type, grain key, state name): the grain type is part of the key, so two grain types
-- with the same key never share state. version is the ETag; every write is conditional on it.
CREATE TABLE IF NOT EXISTS orleans_grain_state (
    grain_type  text        NOT NULL,
    grain_key   text        NOT NULL,
    state_name  text        NOT NULL,
    version     bigint      NOT NULL,
    payload     jsonb,                  -- NULL: cleared (a tombstone that keeps the version)
    modified_at timestamptz NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
);

CREATE TABLE IF NOT EXISTS orleans_reminders (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    start_at      timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    version       bigint      NOT NULL,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);

COMMIT;
