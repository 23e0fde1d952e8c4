-- What `serve` (and `user`) may write: its own tables only. Run as the owner role after the
-- first `nightly` (or any run that migrated the schema), and again after each upgrade:
--   psql -h HOST -U refund_owner -d refunds -f scripts/postgresql-grants.sql   [-v serve=refund_serve]
-- Reading: every table (postgresql-roles.sql set the default; granted again for older tables).
-- Writing: the look-up log and the security event log (insert only), the refusal counts, staff
-- accounts with their recovery codes, known devices, passkeys and API tokens. Never claim, claim_event, the
-- feeds, the nights, the reports' tables or Spring Batch's.
\set ON_ERROR_STOP on
\if :{?serve}
\else
  \set serve refund_serve
\endif
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"serve";
GRANT INSERT, UPDATE, DELETE ON lookup_refusal, staff_user, staff_recovery_code, staff_device, api_token,
    user_entities, user_credentials TO :"serve";
-- The logs are append-only for serve: it adds rows, and may only count a repeated refusal on
-- the security event's row (issue 36); it cannot change or remove what was logged.
REVOKE UPDATE, DELETE, TRUNCATE ON lookup_log, security_event FROM :"serve";
GRANT INSERT ON lookup_log, security_event TO :"serve";
GRANT UPDATE (repeated, last_at, username) ON security_event TO :"serve";
GRANT USAGE ON SEQUENCE lookup_log_id_seq, security_event_id_seq TO :"serve";
