-- The company's technician roster: one row per technician, written by the technician's grain when it is provisioned
-- and when its status changes. Adding is one insert, whatever the size of the company; the company grain keeps no list.
-- sort_name is the name upper-cased (invariant culture): the listing order, compared byte-wise (COLLATE "C") so that
-- PostgreSQL and SQLite list in the same order whatever the database's locale.
CREATE TABLE IF NOT EXISTS company_technicians
(
    tenant_id     text NOT NULL,
    technician_id text NOT NULL,
    name          text NOT NULL,
    sort_name     text COLLATE "C" NOT NULL,
    status        text NOT NULL,  -- a TechnicianStatus name: OffDuty, Available, EnRoute, OnSite
    PRIMARY KEY (tenant_id, technician_id)
);

-- Pages by name: (tenant, sort_name, technician_id) is the keyset a page continues from.
CREATE INDEX IF NOT EXISTS company_technicians_by_name ON company_technicians (tenant_id, sort_name, technician_id);
