-- Feedback: one row per survey sent (CSAT after a visit, NPS on the company's schedule), as its grain last reported
-- it: when it was sent, the answer once given, the review the customer offered with it and how the team moderated it,
-- and the case a low score opened. The company's figures (CSAT per technician, NPS, response rates) and the public
-- reviews page read from here; the survey's grain keeps the truth.
CREATE TABLE IF NOT EXISTS feedback_responses (
    tenant_id        text        NOT NULL,
    survey_id        text        NOT NULL,
    kind             text        NOT NULL,
    customer_id      text        NOT NULL,
    ticket_id        text        NULL,
    technician_id    text        NULL,
    technician_name  text        NULL,
    about            text        NULL,
    issued_at        timestamptz NOT NULL,
    answered_at      timestamptz NULL,
    score            integer     NULL,
    comment          text        NULL,
    review_status    text        NULL,
    review_name      text        NULL,
    review_photos    text        NULL,
    moderated_at     timestamptz NULL,
    case_id          text        NULL,
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, survey_id)
);

CREATE INDEX IF NOT EXISTS feedback_by_answer ON feedback_responses (tenant_id, kind, answered_at);
CREATE INDEX IF NOT EXISTS feedback_by_customer ON feedback_responses (tenant_id, customer_id, kind, issued_at);
CREATE INDEX IF NOT EXISTS feedback_reviews ON feedback_responses (tenant_id, review_status, answered_at) WHERE review_status IS NOT NULL;
