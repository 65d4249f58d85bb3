-- SLAs of support cases: each case's due times while its clocks run, and how each target stands (None, OnTrack, AtRisk,
-- Breached, Met, Paused; Met and Breached are final), as the case's grain last reported them. Compliance over a period
-- counts Met and Breached among the cases opened in it.
ALTER TABLE support_cases ADD COLUMN IF NOT EXISTS first_response_due timestamptz NULL;
ALTER TABLE support_cases ADD COLUMN IF NOT EXISTS resolution_due     timestamptz NULL;
ALTER TABLE support_cases ADD COLUMN IF NOT EXISTS first_response_sla text        NOT NULL DEFAULT 'None';
ALTER TABLE support_cases ADD COLUMN IF NOT EXISTS resolution_sla     text        NOT NULL DEFAULT 'None';

CREATE INDEX IF NOT EXISTS support_cases_by_opening ON support_cases (tenant_id, opened_at);
