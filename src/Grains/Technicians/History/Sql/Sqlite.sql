-- OrleansPortal ping history for SQLite: the same table as PostgreSql.sql. Times are INTEGER microseconds since
-- the Unix epoch (UTC), so ordering and range queries are exact and match PostgreSQL's resolution; measurements
-- are REAL holding 32-bit values, like PostgreSQL's real. WAL lets readers run while the single writer writes.
PRAGMA journal_mode = WAL;

-- WITHOUT ROWID: rows live in the primary-key b-tree itself, so each ping is written once instead of into a
-- table and a separate key index. The key serves the track and latest-fix reads, as on PostgreSQL.
CREATE TABLE IF NOT EXISTS technician_pings (
    tenant_id     TEXT    NOT NULL,
    technician_id TEXT    NOT NULL,
    fix_time      INTEGER NOT NULL,
    received_at   INTEGER NOT NULL,
    lat           REAL    NOT NULL,
    lon           REAL    NOT NULL,
    speed_mps     REAL,
    heading       REAL,
    altitude      REAL,
    accuracy      REAL,
    battery       REAL,
    is_outlier    INTEGER NOT NULL,  -- 0 or 1
    PRIMARY KEY (tenant_id, technician_id, fix_time)
) WITHOUT ROWID;
