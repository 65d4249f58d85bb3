-- Cluster membership for Orleans' ADO.NET clustering (AdoNetClusteringTable). Idempotent: safe to run again by hand.
--
-- Orleans reads and writes membership optimistically against one table version per cluster (deployment_id is the
-- ClusterId): every insert or update of a silo row must name the version it read and bumps it, in the same
-- statement, so two silos that read the same version cannot both write. I-am-alive heartbeats and cleanup do not
-- take part in that protocol and leave the version alone.

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL PRIMARY KEY,
    version       integer     NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port, generation). status is Orleans' SiloStatus (3 = Active, 6 = Dead);
-- suspect_times is Orleans' own "silo,time|silo,time" text.
CREATE TABLE IF NOT EXISTS orleans_membership
(
    deployment_id   text        NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pk PRIMARY KEY (deployment_id, address, port, generation)
);

-- Creates the cluster's version row once; true only for the caller that created it. Concurrent starters are
-- arbitrated by ON CONFLICT, never by an error.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id, version) VALUES (@DeploymentId, 0)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Both reads return the version row joined to the silo rows in one statement, so the rows and the version they
-- carry are consistent; with no silo rows they still return the version (the silo columns NULL).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', $sql$
SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', $sql$
SELECT v.version AS Version, m.address AS Address, m.port AS Port, m.generation AS Generation,
       m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
       m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
       ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Adds a silo row if the table is still at @Version and the row is new; bumps the version in the same statement.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM orleans_membership
                      WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                    suspect_times, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           NULL, @StartTime, @IAmAliveTime
    FROM bumped
    ON CONFLICT ON CONSTRAINT orleans_membership_pk DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Changes a silo row's status, suspicions and heartbeat if the table is still at @Version; bumps the version.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', $sql$
WITH bumped AS (
    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND EXISTS (SELECT 1 FROM orleans_membership
                  WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), updated AS (
    UPDATE orleans_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped
    WHERE m.deployment_id = bumped.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated)
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Where external clients connect: active silos with a gateway (@Status is Active).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', $sql$
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Drops the whole cluster: its silo rows go with the version row (ON DELETE CASCADE).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Forgets silos that are no longer active and have not sent a heartbeat since @IAmAliveTime.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$sql$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
