-- Reminders for Orleans' ADO.NET reminder table (AdoNetReminderTable). Idempotent: safe to run again by hand.
--
-- start_time is UTC as text 'YYYY-MM-DD HH:MM:SS.FFFFFFF', exactly as Microsoft.Data.Sqlite binds a DateTime
-- parameter (trailing zeros of the fraction dropped): it reads back to the same tick, SQLite's date functions
-- understand it, and it sorts as text in time order (fixed-width up to the seconds; a shorter fraction is a prefix
-- or differs at its first digit). The CHECK keeps any other shape (an offset, a 'T') out, since that would break
-- the ordering.
CREATE TABLE IF NOT EXISTS orleans_reminder
(
    service_id    TEXT    NOT NULL,
    grain_id      TEXT    NOT NULL,
    reminder_name TEXT    NOT NULL,
    start_time    TEXT    NOT NULL
        CHECK (start_time GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'
               AND (length(start_time) = 19
                    OR (substr(start_time, 20, 1) = '.' AND length(start_time) > 20
                        AND substr(start_time, 21) NOT GLOB '*[^0-9]*'))),
    period_ms     INTEGER NOT NULL,
    grain_hash    INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS orleans_reminder_by_hash ON orleans_reminder (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- The ring range (@BeginHash, @EndHash] when it does not wrap in signed order...
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ...and when it wraps (which includes the whole ring, @BeginHash = @EndHash, as on a single silo).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
FROM orleans_reminder
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Register or update, last writer wins; one statement that returns the new ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
        version = version + 1
RETURNING version AS Version;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Remove only the version the caller read; then one row saying whether it was removed.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
DELETE FROM orleans_reminder
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version;
SELECT changes() > 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM orleans_reminder WHERE service_id = @ServiceId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
