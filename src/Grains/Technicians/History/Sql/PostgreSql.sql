-- OrleansPortal ping history for PostgreSQL 15 and later: every accepted GPS ping, append-only.
-- The app runs this same text at start (PingHistory.InitializeAsync). To apply it by hand:
--   psql "<connection>" -v ON_ERROR_STOP=1 -f PostgreSql.sql
-- Idempotent. CREATE TABLE IF NOT EXISTS is not safe when two sessions run it at once (two silos starting), so the
-- script holds a transaction-scoped advisory lock (an arbitrary constant key, not the storage schema's) meanwhile.
BEGIN;

SELECT pg_advisory_xact_lock(7201500312);

-- The primary key is the only index: it serves both reads (a technician's track by time range, and the latest
-- fix by scanning it backwards) and the de-duplication of replayed pings. Every further index would be paid on
-- each of tens of thousands of inserts per second.
-- Times are microseconds (timestamptz's resolution); optional measurements are real (32-bit), NULL when unknown.
CREATE TABLE IF NOT EXISTS technician_pings (
    tenant_id     text             NOT NULL,
    technician_id text             NOT NULL,
    fix_time      timestamptz      NOT NULL,  -- when the device took the fix
    received_at   timestamptz      NOT NULL,  -- when the server accepted it
    lat           double precision NOT NULL,
    lon           double precision NOT NULL,
    speed_mps     real,
    heading       real,                       -- degrees clockwise from north
    altitude      real,                       -- metres
    accuracy      real,                       -- metres
    battery       real,                       -- percent
    is_outlier    boolean          NOT NULL,  -- flagged by the jump filter: kept, but never a recovered position
    PRIMARY KEY (tenant_id, technician_id, fix_time)
);

COMMIT;
