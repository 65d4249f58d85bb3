-- The outbox and its delivery log: the same tables as PostgreSql/0006-notification-outbox.sql. Times are integer
-- microseconds since the Unix epoch (UTC) and booleans 0/1, as everywhere in the app's own SQLite tables.
CREATE TABLE IF NOT EXISTS notification_outbox
(
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id     TEXT    NOT NULL,
    delivery_key  TEXT    NOT NULL,
    trigger_name  TEXT    NOT NULL,
    channel       TEXT    NOT NULL,
    recipient     TEXT    NOT NULL,
    customer_id   TEXT    NULL,
    contact_id    TEXT    NULL,
    ticket_id     TEXT    NULL,
    language      TEXT    NULL,
    subject       TEXT    NULL,
    body_text     TEXT    NOT NULL,
    body_html     TEXT    NULL,
    urgent        INTEGER NOT NULL,
    marketing     INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    not_before    INTEGER NOT NULL,
    lease_owner   TEXT    NULL,
    lease_until   INTEGER NULL,
    in_doubt      INTEGER NOT NULL DEFAULT 0,
    provider_id   TEXT    NULL,
    error         TEXT    NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    read_at       INTEGER NULL,
    UNIQUE (tenant_id, delivery_key)
);

CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox (not_before, id) WHERE status IN ('queued', 'sending');
CREATE INDEX IF NOT EXISTS notification_outbox_by_customer ON notification_outbox (tenant_id, customer_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS notification_outbox_by_provider_id ON notification_outbox (channel, provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS notification_outbox_by_ticket ON notification_outbox (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS notification_outbox_by_recipient ON notification_outbox (tenant_id, recipient, created_at);

CREATE TABLE IF NOT EXISTS notification_deliveries
(
    message_id  INTEGER NOT NULL REFERENCES notification_outbox (id),
    at          INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    provider_id TEXT    NULL,
    detail      TEXT    NULL
);

CREATE INDEX IF NOT EXISTS notification_deliveries_by_message ON notification_deliveries (message_id, at);
