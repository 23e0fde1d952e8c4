-- refund-batch on PostgreSQL: the database and its two roles (docs/postgresql.md).
-- Run once, before the first night, as a superuser (or a role with CREATEROLE and CREATEDB):
--   psql -h HOST -U postgres -d postgres -v owner_password="$OWNER_PW" -v serve_password="$SERVE_PW" \
--        -f scripts/postgresql-roles.sql
-- The passwords come from the command line, never from this file. Names may be changed with
-- -v db=... -v owner=... -v serve=... (defaults refunds, refund_owner, refund_serve).
-- Then, after the first `nightly` made the tables, run scripts/postgresql-grants.sql as the owner.
\set ON_ERROR_STOP on
\if :{?db}
\else
  \set db refunds
\endif
\if :{?owner}
\else
  \set owner refund_owner
\endif
\if :{?serve}
\else
  \set serve refund_serve
\endif

-- The owner role: owns every table (Flyway's migrations run as it); `nightly` and `verify`.
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
-- The serve role: `serve` and `user`; reads what support needs, writes only its own tables.
CREATE ROLE :"serve" LOGIN PASSWORD :'serve_password';

-- UTF-8 and the C collation: text sorts by code point, as on H2, so every output file is the
-- same bytes (the first migration refuses any other collation).
CREATE DATABASE :"db" OWNER :"owner" TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C';
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"db" TO :"owner";
GRANT CONNECT ON DATABASE :"db" TO :"serve";

\connect :"db"
-- Only the owner creates objects; the serve role reads every table the owner makes from now on.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO :"owner";
GRANT USAGE ON SCHEMA public TO :"serve";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT ON TABLES TO :"serve";
