-- The team's inbox: the same table as PostgreSql/0002-conversation-threads.sql; last_message_at is integer
-- microseconds since the Unix epoch (UTC), as every time in the app's own SQLite tables.
CREATE TABLE IF NOT EXISTS conversation_threads
(
    tenant_id       TEXT    NOT NULL,
    thread_id       TEXT    NOT NULL,
    customer_id     TEXT    NOT NULL,
    last_message_at INTEGER NOT NULL,
    team_unread     INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, thread_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS conversation_threads_by_activity ON conversation_threads (tenant_id, last_message_at DESC, thread_id);
