-- A customer's threads, newest activity first, for the office's customer page (the inbox's own index is by tenant only).
CREATE INDEX IF NOT EXISTS conversation_threads_by_customer ON conversation_threads (tenant_id, customer_id, last_message_at DESC, thread_id);
