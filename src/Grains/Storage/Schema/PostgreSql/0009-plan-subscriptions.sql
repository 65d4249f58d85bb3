-- Maintenance-plan subscriptions as their grains last wrote them: a customer's list, and what the money view sums
-- (MRR from active plans, renewals ahead). monthly is the plan's price per month in minor units; paid_until is when
-- the paid period ends (and the next charge falls), null until the first is paid.
CREATE TABLE IF NOT EXISTS plan_subscriptions
(
    tenant_id        text        NOT NULL,
    subscription_id  text        NOT NULL,
    customer_id      text        NOT NULL,
    property_id      text        NOT NULL,
    plan_id          text        NOT NULL,
    plan_name        text        NOT NULL,
    price            bigint      NOT NULL,
    monthly          bigint      NOT NULL,
    currency         text        NOT NULL,
    period_months    integer     NOT NULL,
    status           text        NOT NULL,  -- awaiting_payment, active, past_due, paused, canceled
    cancel_at_period_end boolean NOT NULL,
    paid_until       timestamptz NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id)
);

CREATE INDEX IF NOT EXISTS plan_subscriptions_by_customer ON plan_subscriptions (tenant_id, customer_id);
