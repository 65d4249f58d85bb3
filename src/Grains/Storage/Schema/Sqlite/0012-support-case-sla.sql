-- SLAs of support cases: the same columns as PostgreSql/0012-support-case-sla.sql (times in integer microseconds since
-- the Unix epoch, UTC). SQLite has no ADD COLUMN IF NOT EXISTS; the migration runs once, by its version.
ALTER TABLE support_cases ADD COLUMN first_response_due INTEGER NULL;
ALTER TABLE support_cases ADD COLUMN resolution_due     INTEGER NULL;
ALTER TABLE support_cases ADD COLUMN first_response_sla TEXT    NOT NULL DEFAULT 'None';
ALTER TABLE support_cases ADD COLUMN resolution_sla     TEXT    NOT NULL DEFAULT 'None';

CREATE INDEX IF NOT EXISTS support_cases_by_opening ON support_cases (tenant_id, opened_at);
