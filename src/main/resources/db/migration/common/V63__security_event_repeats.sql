-- Aggregated security events (issue 36): a refusal of the same kind from the same client
-- within refund.staff.event-window adds to the last row (repeated, last_at) instead of
-- writing a new one, so a flood without an account cannot fill the log.
ALTER TABLE security_event ADD COLUMN repeated INTEGER NOT NULL DEFAULT 1;
ALTER TABLE security_event ADD COLUMN last_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX security_event_client_event ON security_event (client, event, occurred_at);
