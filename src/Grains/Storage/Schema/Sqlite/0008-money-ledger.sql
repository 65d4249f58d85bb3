-- Money: the same tables as PostgreSql/0008-money-ledger.sql; times are integer microseconds since the Unix epoch (UTC).
CREATE TABLE IF NOT EXISTS money_ledger
(
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id    TEXT    NOT NULL,
    invoice_id   TEXT    NOT NULL,
    customer_id  TEXT    NOT NULL,
    property_id  TEXT    NULL,
    kind         TEXT    NOT NULL,
    amount       INTEGER NOT NULL CHECK (amount >= 0),
    currency     TEXT    NOT NULL,
    at           INTEGER NOT NULL,
    actor        TEXT    NOT NULL,
    source       TEXT    NULL,
    number       INTEGER NULL,
    due_on       TEXT    NULL,  -- yyyy-MM-dd
    note         TEXT    NULL
);

CREATE INDEX IF NOT EXISTS money_ledger_by_invoice ON money_ledger (tenant_id, invoice_id, seq);
CREATE INDEX IF NOT EXISTS money_ledger_by_time ON money_ledger (tenant_id, at);
CREATE UNIQUE INDEX IF NOT EXISTS money_ledger_once_per_source ON money_ledger (tenant_id, invoice_id, source) WHERE source IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS money_ledger_issued_once ON money_ledger (tenant_id, invoice_id) WHERE kind = 'issued';
CREATE UNIQUE INDEX IF NOT EXISTS money_ledger_numbers ON money_ledger (tenant_id, number) WHERE number IS NOT NULL;

CREATE TABLE IF NOT EXISTS invoice_numbers
(
    tenant_id    TEXT    PRIMARY KEY,
    last_number  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS payments
(
    tenant_id    TEXT    NOT NULL,
    payment_id   TEXT    NOT NULL,
    customer_id  TEXT    NOT NULL,
    invoice_ids  TEXT    NOT NULL,
    amount       INTEGER NOT NULL CHECK (amount >= 0),
    currency     TEXT    NOT NULL,
    method       TEXT    NULL,
    status       TEXT    NOT NULL,
    failure      TEXT    NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, payment_id)
);

CREATE INDEX IF NOT EXISTS payments_by_time ON payments (tenant_id, created_at);

CREATE TABLE IF NOT EXISTS payment_events
(
    provider     TEXT    NOT NULL,
    event_id     TEXT    NOT NULL,
    type         TEXT    NOT NULL,
    processed_at INTEGER NOT NULL,
    PRIMARY KEY (provider, event_id)
);
