-- Support cases as their grains last reported them: the team's queue (filters by status, priority, category,
-- assignee, customer) and a customer's list. The case itself (messages, notes, history) lives in its grain's state.
CREATE TABLE IF NOT EXISTS support_cases
(
    tenant_id          text        NOT NULL,
    case_id            text        NOT NULL,
    number             bigint      NOT NULL,
    customer_id        text        NOT NULL,
    opened_by_contact  text        NULL,
    property_id        text        NULL,
    subject            text        NOT NULL,
    status             text        NOT NULL,  -- New, Open, WaitingOnCustomer, Resolved, Closed
    priority           text        NOT NULL,  -- Low, Normal, High, Urgent
    category           text        NOT NULL,
    channel            text        NOT NULL,  -- Portal, Email, Chat, Team
    assignee_email     text        NULL,
    opened_at          timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    first_response_at  timestamptz NULL,
    resolved_at        timestamptz NULL,
    PRIMARY KEY (tenant_id, case_id)
);

CREATE UNIQUE INDEX IF NOT EXISTS support_cases_numbers ON support_cases (tenant_id, number);
CREATE INDEX IF NOT EXISTS support_cases_by_activity ON support_cases (tenant_id, updated_at DESC, case_id);
CREATE INDEX IF NOT EXISTS support_cases_by_customer ON support_cases (tenant_id, customer_id, updated_at DESC);

-- The last case number each company gave, taken in the statement that files the case.
CREATE TABLE IF NOT EXISTS case_numbers
(
    tenant_id    text   PRIMARY KEY,
    last_number  bigint NOT NULL
);
