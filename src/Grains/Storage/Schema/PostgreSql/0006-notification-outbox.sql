-- Customer communications (issue 14): every message is stored here before it is sent, so a crash loses nothing, and
-- its (tenant_id, delivery_key) is unique, so a trigger that fires twice, a retry or a restart never queues it twice.
-- status: queued (waiting for not_before), sending (claimed by lease_owner until lease_until), sent, delivered, failed,
-- bounced, suppressed (a rule stopped it: preference, opt-out, cap, switch), cancelled (its reason went away).
-- in_doubt: it was claimed again after a lease ran out mid-send, so the provider may already have it.
CREATE TABLE IF NOT EXISTS notification_outbox
(
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     text        NOT NULL,
    delivery_key  text        NOT NULL,
    trigger_name  text        NOT NULL,  -- a NotificationTrigger name
    channel       text        NOT NULL,  -- a NotificationChannel name
    recipient     text        NOT NULL,  -- an email address, an E.164 number, or "{customer}:{contact}" in the app
    customer_id   text        NULL,
    contact_id    text        NULL,
    ticket_id     text        NULL,
    language      text        NULL,
    subject       text        NULL,
    body_text     text        NOT NULL,
    body_html     text        NULL,
    urgent        boolean     NOT NULL,
    marketing     boolean     NOT NULL,
    status        text        NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    not_before    timestamptz NOT NULL,
    lease_owner   text        NULL,
    lease_until   timestamptz NULL,
    in_doubt      boolean     NOT NULL DEFAULT false,
    provider_id   text        NULL,
    error         text        NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    read_at       timestamptz NULL,
    UNIQUE (tenant_id, delivery_key)
);

-- What is due: only unfinished rows are indexed, so the index stays the size of the queue, not of the history.
CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox (not_before, id) WHERE status IN ('queued', 'sending');
-- A customer's timeline, newest first; a contact's in-app notifications.
CREATE INDEX IF NOT EXISTS notification_outbox_by_customer ON notification_outbox (tenant_id, customer_id, created_at DESC, id DESC);
-- Status callbacks find their message by the provider's id.
CREATE INDEX IF NOT EXISTS notification_outbox_by_provider_id ON notification_outbox (channel, provider_id) WHERE provider_id IS NOT NULL;
-- Reminders of a visit are cancelled when its window moves; the daily cap counts a recipient's messages.
CREATE INDEX IF NOT EXISTS notification_outbox_by_ticket ON notification_outbox (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS notification_outbox_by_recipient ON notification_outbox (tenant_id, recipient, created_at);

-- The delivery log: one row per step of a message (sent, delivered, failed, retried, held, ...), written in the same
-- transaction as the status it explains. Queued is the message row's created_at.
CREATE TABLE IF NOT EXISTS notification_deliveries
(
    message_id  bigint      NOT NULL REFERENCES notification_outbox (id),
    at          timestamptz NOT NULL,
    status      text        NOT NULL,
    provider_id text        NULL,
    detail      text        NULL
);

CREATE INDEX IF NOT EXISTS notification_deliveries_by_message ON notification_deliveries (message_id, at);
