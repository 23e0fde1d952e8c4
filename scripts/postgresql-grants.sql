-- What `serve` (and `user`) may write: its own tables only. Run as refund_owner after the
-- first `nightly` (or any run that migrated the schema), and again after an upgrade:
--   psql "host=... dbname=refunds user=refund_owner" -f scripts/postgresql-grants.sql
-- Reading: every table (scripts/postgresql-roles.sql set the default privileges; granted here
-- again for tables made before that). Writing: the look-up log and its refusals, staff accounts,
-- their recovery codes, devices and API tokens, and the security event log. Never claim,
-- claim_event, the feeds, the nights or Spring Batch's tables.
\set ON_ERROR_STOP on
GRANT SELECT ON ALL TABLES IN SCHEMA public TO refund_serve;
GRANT INSERT, UPDATE, DELETE ON lookup_log, lookup_refusal, staff_user, staff_recovery_code, staff_device,
    api_token, security_event TO refund_serve;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO refund_serve;
REVOKE USAGE ON SEQUENCE batch_job_instance_seq, batch_job_execution_seq, batch_step_execution_seq FROM refund_serve;
