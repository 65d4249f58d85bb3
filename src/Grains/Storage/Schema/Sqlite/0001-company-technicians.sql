-- The company's technician roster: the same table as PostgreSql/0001-company-technicians.sql. SQLite compares text
-- byte-wise (BINARY) by default, as the PostgreSQL table's sort_name does with COLLATE "C".
CREATE TABLE IF NOT EXISTS company_technicians
(
    tenant_id     TEXT NOT NULL,
    technician_id TEXT NOT NULL,
    name          TEXT NOT NULL,
    sort_name     TEXT NOT NULL,
    status        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, technician_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS company_technicians_by_name ON company_technicians (tenant_id, sort_name, technician_id);
