-- Money. Amounts are integer minor units of the row's currency (cents for EUR), never fractions.
--
-- money_ledger: every financial event of an invoice (issued, paid, partially paid, refunded, credited, written off),
-- who and when; rows are only ever inserted. Balances are sums over it, never stored. An invoice's rows are written by
-- its grain alone, so they are classified (paid or partially paid) in order. source names what caused the row (a
-- Stripe PaymentIntent "pi_...", a refund "re_...", an office action's id): one row per invoice and source, so an
-- event Stripe sends twice records its money once. number (the invoice's number) and due_on (its due date,
-- yyyy-MM-dd) are on its issued row only, so reports can age what is owed without reading every invoice.
CREATE TABLE IF NOT EXISTS money_ledger
(
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text        NOT NULL,
    invoice_id   text        NOT NULL,
    customer_id  text        NOT NULL,
    property_id  text        NULL,
    kind         text        NOT NULL,  -- issued, paid, partially_paid, refunded, credited, written_off
    amount       bigint      NOT NULL CHECK (amount >= 0),
    currency     text        NOT NULL,  -- ISO 4217, upper case
    at           timestamptz NOT NULL,
    actor        text        NOT NULL,  -- a dispatcher's email, "stripe", "customer:{id}", "system"
    source       text        NULL,
    number       bigint      NULL,
    due_on       date        NULL,
    note         text        NULL
);

CREATE INDEX IF NOT EXISTS money_ledger_by_invoice ON money_ledger (tenant_id, invoice_id, seq);
CREATE INDEX IF NOT EXISTS money_ledger_by_time ON money_ledger (tenant_id, at);
CREATE UNIQUE INDEX IF NOT EXISTS money_ledger_once_per_source ON money_ledger (tenant_id, invoice_id, source) WHERE source IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS money_ledger_issued_once ON money_ledger (tenant_id, invoice_id) WHERE kind = 'issued';
CREATE UNIQUE INDEX IF NOT EXISTS money_ledger_numbers ON money_ledger (tenant_id, number) WHERE number IS NOT NULL;

-- The last invoice number each company gave. Taken in the same transaction as the issued row that carries it, so a
-- failed issue gives its number back: the numbers have no gaps.
CREATE TABLE IF NOT EXISTS invoice_numbers
(
    tenant_id    text   PRIMARY KEY,
    last_number  bigint NOT NULL
);

-- Payment attempts as the payment provider reports them (one row per PaymentIntent, its status the latest known):
-- what the money view counts by status and success rate. invoice_ids is the space-separated list it pays.
CREATE TABLE IF NOT EXISTS payments
(
    tenant_id    text        NOT NULL,
    payment_id   text        NOT NULL,  -- the provider's id, "pi_..."
    customer_id  text        NOT NULL,
    invoice_ids  text        NOT NULL,
    amount       bigint      NOT NULL CHECK (amount >= 0),
    currency     text        NOT NULL,
    method       text        NULL,      -- card, sepa_debit, us_bank_account
    status       text        NOT NULL,  -- processing, succeeded, failed, canceled
    failure      text        NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, payment_id)
);

CREATE INDEX IF NOT EXISTS payments_by_time ON payments (tenant_id, created_at);

-- Webhook events already processed, by the provider's event id: an event sent again is acknowledged and skipped.
CREATE TABLE IF NOT EXISTS payment_events
(
    provider     text        NOT NULL,  -- stripe
    event_id     text        NOT NULL,
    type         text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (provider, event_id)
);
