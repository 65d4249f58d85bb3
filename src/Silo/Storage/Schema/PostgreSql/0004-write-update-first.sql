-- The grain state write of 0001, reshaped for the common case: a grain that read its state (or wrote it before)
-- holds an ETag and updates its existing row. 0001 sent every write through INSERT ... ON CONFLICT DO UPDATE with an
-- EXISTS check, which costs PostgreSQL two index probes and a speculative insertion before it reaches the update;
-- here a write with an ETag is a plain conditional UPDATE, and only a write without one (the first) inserts.
-- Same contract: exactly one row, the new version, or the version passed in when nothing was written (a stale ETag,
-- or a second first writer that lost the race to insert), which Orleans turns into an InconsistentStateException.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $sql$
WITH updated AS (
    UPDATE orleans_grain_state
    SET version = version + 1, payload = @PayloadBinary, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND service_id = @ServiceId AND state_name = @GrainTypeString
      AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1 AND key_ext = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, key_n0, key_n1, key_ext, version, payload)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), 1, @PayloadBinary
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_pk DO NOTHING
    RETURNING version
)
SELECT version AS NewGrainStateVersion FROM updated
UNION ALL
SELECT version FROM inserted
UNION ALL
SELECT @GrainStateVersion WHERE NOT EXISTS (SELECT 1 FROM updated) AND NOT EXISTS (SELECT 1 FROM inserted)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
