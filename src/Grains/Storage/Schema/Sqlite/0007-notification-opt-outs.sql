-- Opt-outs and opt-ins: the same table as PostgreSql/0007-notification-opt-outs.sql; opted_out is 0 or 1 and at is
-- integer microseconds since the Unix epoch (UTC), as every time in the app's own SQLite tables.
CREATE TABLE IF NOT EXISTS notification_opt_outs
(
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    channel    TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    sender     TEXT    NOT NULL,
    opted_out  INTEGER NOT NULL,
    at         INTEGER NOT NULL,
    source     TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS notification_opt_outs_by_address ON notification_opt_outs (channel, address, sender, seq);
