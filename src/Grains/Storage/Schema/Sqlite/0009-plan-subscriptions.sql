-- Maintenance-plan subscriptions: the same table as PostgreSql/0009-plan-subscriptions.sql; times are integer
-- microseconds since the Unix epoch (UTC), cancel_at_period_end is 0 or 1.
CREATE TABLE IF NOT EXISTS plan_subscriptions
(
    tenant_id        TEXT    NOT NULL,
    subscription_id  TEXT    NOT NULL,
    customer_id      TEXT    NOT NULL,
    property_id      TEXT    NOT NULL,
    plan_id          TEXT    NOT NULL,
    plan_name        TEXT    NOT NULL,
    price            INTEGER NOT NULL,
    monthly          INTEGER NOT NULL,
    currency         TEXT    NOT NULL,
    period_months    INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    cancel_at_period_end INTEGER NOT NULL,
    paid_until       INTEGER NULL,
    created_at       INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);

CREATE INDEX IF NOT EXISTS plan_subscriptions_by_customer ON plan_subscriptions (tenant_id, customer_id);
