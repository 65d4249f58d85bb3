-- Reminders for Orleans' ADO.NET reminder table (AdoNetReminderTable). Idempotent: safe to run again by hand.

-- grain_hash is the grain's uniform hash as a signed int, as Orleans passes it; silos own ranges of it.
-- period_ms is in milliseconds; version is the reminder's ETag.
CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL,
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminder_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_by_hash ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', $sql$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', $sql$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- A silo's share of the hash ring is the half-open range (@BeginHash, @EndHash]. Orleans picks this query when the
-- range does not wrap in signed order...
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', $sql$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ...and this one when it wraps (which includes the whole ring, @BeginHash = @EndHash, as on a single silo).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', $sql$
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Register or update: last writer wins (Orleans does not pass an ETag here); returns the new ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminder AS r (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT ON CONSTRAINT orleans_reminder_pk DO UPDATE
    SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
        version = r.version + 1
RETURNING version AS Version
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Remove only the version the caller read; one boolean row saying whether it was removed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM orleans_reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM removed)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminder WHERE service_id = @ServiceId
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
