-- Support cases: the same tables as PostgreSql/0010-support-cases.sql; times are integer microseconds since the Unix
-- epoch (UTC).
CREATE TABLE IF NOT EXISTS support_cases
(
    tenant_id          TEXT    NOT NULL,
    case_id            TEXT    NOT NULL,
    number             INTEGER NOT NULL,
    customer_id        TEXT    NOT NULL,
    opened_by_contact  TEXT    NULL,
    property_id        TEXT    NULL,
    subject            TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    priority           TEXT    NOT NULL,
    category           TEXT    NOT NULL,
    channel            TEXT    NOT NULL,
    assignee_email     TEXT    NULL,
    opened_at          INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    first_response_at  INTEGER NULL,
    resolved_at        INTEGER NULL,
    PRIMARY KEY (tenant_id, case_id)
);

CREATE UNIQUE INDEX IF NOT EXISTS support_cases_numbers ON support_cases (tenant_id, number);
CREATE INDEX IF NOT EXISTS support_cases_by_activity ON support_cases (tenant_id, updated_at DESC, case_id);
CREATE INDEX IF NOT EXISTS support_cases_by_customer ON support_cases (tenant_id, customer_id, updated_at DESC);

CREATE TABLE IF NOT EXISTS case_numbers
(
    tenant_id    TEXT    PRIMARY KEY,
    last_number  INTEGER NOT NULL
);
