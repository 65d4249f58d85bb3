-- The team's inbox: one row per conversation thread with messages, upserted by the thread's grain after every message
-- and every team mark-read (it replaces the per-company grain that rewrote every thread on each message).
CREATE TABLE IF NOT EXISTS conversation_threads
(
    tenant_id       text        NOT NULL,
    thread_id       text        NOT NULL,
    customer_id     text        NOT NULL,
    last_message_at timestamptz NOT NULL,
    team_unread     integer     NOT NULL,
    PRIMARY KEY (tenant_id, thread_id)
);

-- The inbox reads the newest threads first.
CREATE INDEX IF NOT EXISTS conversation_threads_by_activity ON conversation_threads (tenant_id, last_message_at DESC, thread_id);
