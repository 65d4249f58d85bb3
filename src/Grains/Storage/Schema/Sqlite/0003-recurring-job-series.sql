-- Every tenant's recurring series: the same table as PostgreSql/0003-recurring-job-series.sql (created_at in integer
-- microseconds since the Unix epoch, UTC).
CREATE TABLE IF NOT EXISTS recurring_job_series
(
    tenant_id  TEXT    NOT NULL,
    series_id  TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, series_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS recurring_job_series_by_age ON recurring_job_series (tenant_id, created_at, series_id);
