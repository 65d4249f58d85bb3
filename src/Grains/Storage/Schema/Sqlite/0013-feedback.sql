-- Feedback: the same table as PostgreSql/0013-feedback.sql (times in integer microseconds since the Unix epoch, UTC).
CREATE TABLE IF NOT EXISTS feedback_responses (
    tenant_id        TEXT    NOT NULL,
    survey_id        TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    customer_id      TEXT    NOT NULL,
    ticket_id        TEXT    NULL,
    technician_id    TEXT    NULL,
    technician_name  TEXT    NULL,
    about            TEXT    NULL,
    issued_at        INTEGER NOT NULL,
    answered_at      INTEGER NULL,
    score            INTEGER NULL,
    comment          TEXT    NULL,
    review_status    TEXT    NULL,
    review_name      TEXT    NULL,
    review_photos    TEXT    NULL,
    moderated_at     INTEGER NULL,
    case_id          TEXT    NULL,
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, survey_id)
);

CREATE INDEX IF NOT EXISTS feedback_by_answer ON feedback_responses (tenant_id, kind, answered_at);
CREATE INDEX IF NOT EXISTS feedback_by_customer ON feedback_responses (tenant_id, customer_id, kind, issued_at);
CREATE INDEX IF NOT EXISTS feedback_reviews ON feedback_responses (tenant_id, review_status, answered_at) WHERE review_status IS NOT NULL;
