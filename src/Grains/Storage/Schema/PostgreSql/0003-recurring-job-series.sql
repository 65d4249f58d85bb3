-- Every tenant's recurring series, one row each, written when a series is created (it replaces the per-tenant grain
-- whose one list of every series id was rewritten on each new series).
CREATE TABLE IF NOT EXISTS recurring_job_series
(
    tenant_id  text        NOT NULL,
    series_id  text        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, series_id)
);

-- Pages oldest first: (tenant, created_at, series_id) is the keyset a page continues from.
CREATE INDEX IF NOT EXISTS recurring_job_series_by_age ON recurring_job_series (tenant_id, created_at, series_id);
