-- refund-batch on PostgreSQL: the database and its two roles (README "Production on PostgreSQL").
-- Run as a superuser (or a role with CREATEROLE and CREATEDB), once, before the first night:
--   psql -v owner_password="$OWNER_PW" -v serve_password="$SERVE_PW" -f scripts/postgresql-roles.sql
-- Passwords come from the command line (never this file). Then, after the first `nightly` made
-- the tables, run scripts/postgresql-grants.sql as refund_owner.
\set ON_ERROR_STOP on

-- refund_owner: owns every table (Flyway's migrations run as it); `nightly`, `verify`.
CREATE ROLE refund_owner LOGIN PASSWORD :'owner_password';
-- refund_serve: `serve` and `user`; reads what support needs, writes only its own tables.
CREATE ROLE refund_serve LOGIN PASSWORD :'serve_password';

-- The C collation: text sorts by code point, as on H2, so every output file is the same bytes.
CREATE DATABASE refunds OWNER refund_owner TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C';
REVOKE ALL ON DATABASE refunds FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE refunds TO refund_owner;
GRANT CONNECT ON DATABASE refunds TO refund_serve;

\connect refunds
-- Only the owner creates objects; serve sees every table the owner makes from now on, read-only.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO refund_owner;
GRANT USAGE ON SCHEMA public TO refund_serve;
ALTER DEFAULT PRIVILEGES FOR ROLE refund_owner IN SCHEMA public GRANT SELECT ON TABLES TO refund_serve;
