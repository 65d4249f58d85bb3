-- Opt-outs and opt-ins of an address (a phone in E.164, an email) for one sender (the sending number or Messaging
-- Service; for email, what the email channel names its sender), on any channel: every change is a row, never updated
-- nor deleted, so the history of who stopped and resumed, when and how, is kept. The state now is the latest row.
-- seq orders the rows as they were recorded (two changes in the same microsecond keep their order).
CREATE TABLE IF NOT EXISTS notification_opt_outs
(
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel    text        NOT NULL,  -- a NotificationChannel name: Sms, Email
    address    text        NOT NULL,
    sender     text        NOT NULL,
    opted_out  boolean     NOT NULL,  -- true: an opt-out; false: an opt-in that ends one
    at         timestamptz NOT NULL,
    source     text        NOT NULL   -- how it was asked for: sms-stop, sms-start, email-link, ...
);

-- "Is this address opted out now" and its history: the latest row of (channel, address, sender) first.
CREATE INDEX IF NOT EXISTS notification_opt_outs_by_address ON notification_opt_outs (channel, address, sender, seq);
