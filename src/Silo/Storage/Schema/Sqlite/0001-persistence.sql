-- Grain state for Orleans' ADO.NET grain storage (AdoNetGrainStorage), and the OrleansQuery table every
-- Orleans ADO.NET provider reads its statements from at start (SELECT QueryKey, QueryText FROM OrleansQuery).
-- Idempotent: safe to run again by hand.
--
-- SQLite has one writer per file, shared here with the app's own tables. Every stored write below is one
-- autocommit DML statement, which takes the write lock when it starts, so Microsoft.Data.Sqlite's busy retry
-- (Default Timeout) covers a concurrent writer; a trailing SELECT only reads changes() and touches no table.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- Same layout as on PostgreSQL: one row per (service, state name, grain key); key_ext is '' when the key has no
-- string part; a cleared state keeps its row with payload NULL and a bumped version.
-- modified_at is UTC text 'YYYY-MM-DD HH:MM:SS.SSS', for people reading the table.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    key_n0      INTEGER NOT NULL,
    key_n1      INTEGER NOT NULL,
    key_ext     TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NULL,
    modified_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
    PRIMARY KEY (service_id, state_name, key_n0, key_n1, key_ext)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1 AND key_ext = ifnull(@GrainIdExtensionString, '''')
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Write: one upsert statement. Without an ETag (@GrainStateVersion NULL) only the first insert of the row succeeds;
-- with one, the row must exist (the EXISTS) and still be at that version (the DO UPDATE ... WHERE). The SELECT then
-- returns exactly one row: the new version if the upsert changed a row, else the version passed in, which Orleans
-- turns into an InconsistentStateException.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO orleans_grain_state (service_id, state_name, key_n0, key_n1, key_ext, version, payload)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, ifnull(@GrainIdExtensionString, ''''), 1, @PayloadBinary
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM orleans_grain_state
              WHERE service_id = @ServiceId AND state_name = @GrainTypeString AND key_n0 = @GrainIdN0
                AND key_n1 = @GrainIdN1 AND key_ext = ifnull(@GrainIdExtensionString, ''''))
ON CONFLICT (service_id, state_name, key_n0, key_n1, key_ext) DO UPDATE
    SET version = version + 1, payload = excluded.payload,
        modified_at = strftime(''%Y-%m-%d %H:%M:%f'', ''now'')
    WHERE version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN ifnull(@GrainStateVersion, 0) + 1 ELSE @GrainStateVersion END AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear: keeps the row (payload NULL) and bumps the version, only if the caller's ETag is current.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_at = strftime(''%Y-%m-%d %H:%M:%f'', ''now'')
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1 AND key_ext = ifnull(@GrainIdExtensionString, '''')
  AND version = @GrainStateVersion;
SELECT CASE WHEN changes() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END AS NewGrainStateVersion;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
