-- Grain state for Orleans' ADO.NET grain storage (AdoNetGrainStorage), and the OrleansQuery table every
-- Orleans ADO.NET provider reads its statements from at start (SELECT QueryKey, QueryText FROM OrleansQuery).
-- Idempotent: safe to run again by hand.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- One row per (service, state name, grain key). The grain type is not part of the key: the storage passes the
-- state name as its "grain type", and state names are unique across the application.
-- A Guid key is stored as two bigints (key_n0, key_n1), an integer key as key_n1, a string key in key_ext;
-- key_ext also holds a compound key's extension, and is '' (not NULL) when there is none, so the primary key
-- is an ordinary unique key that ON CONFLICT can arbitrate on.
-- A cleared state keeps its row with payload NULL and a bumped version: a writer still holding the old ETag
-- then loses, as it should.
CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    key_n0      bigint      NOT NULL,
    key_n1      bigint      NOT NULL,
    key_ext     text        NOT NULL,
    version     integer     NOT NULL,
    payload     bytea       NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_pk PRIMARY KEY (service_id, state_name, key_n0, key_n1, key_ext)
);

-- Read: no row means "never written" (Orleans then creates the default state).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $sql$
SELECT payload AS PayloadBinary, version AS Version
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1 AND key_ext = coalesce(@GrainIdExtensionString, '')
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Write, in one statement: without an ETag (@GrainStateVersion NULL) only the first insert of the row succeeds;
-- with one, only the row still at that version is updated. Concurrent first writers are arbitrated by the primary
-- key through ON CONFLICT (the loser finds the row and, having no ETag, updates nothing), so no unique-violation
-- error reaches the caller. Always exactly one row: the new version, or the version passed in when nothing was
-- written, which Orleans turns into an InconsistentStateException.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $sql$
WITH written AS (
    INSERT INTO orleans_grain_state AS s (service_id, state_name, key_n0, key_n1, key_ext, version, payload)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), 1, @PayloadBinary
    WHERE @GrainStateVersion IS NULL
       OR EXISTS (SELECT 1 FROM orleans_grain_state e
                  WHERE e.service_id = @ServiceId AND e.state_name = @GrainTypeString AND e.key_n0 = @GrainIdN0
                    AND e.key_n1 = @GrainIdN1 AND e.key_ext = coalesce(@GrainIdExtensionString, ''))
    ON CONFLICT ON CONSTRAINT orleans_grain_state_pk DO UPDATE
        SET version = s.version + 1, payload = excluded.payload, modified_at = now()
        WHERE s.version = @GrainStateVersion
    RETURNING s.version
)
SELECT version AS NewGrainStateVersion FROM written
UNION ALL
SELECT @GrainStateVersion WHERE NOT EXISTS (SELECT 1 FROM written)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clear: keeps the row (payload NULL) and bumps the version, only if the caller's ETag is current. One row, as for
-- the write: the new version, or the version passed in when nothing was cleared.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $sql$
WITH cleared AS (
    UPDATE orleans_grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND state_name = @GrainTypeString
      AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1 AND key_ext = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT version AS NewGrainStateVersion FROM cleared
UNION ALL
SELECT @GrainStateVersion WHERE NOT EXISTS (SELECT 1 FROM cleared)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
