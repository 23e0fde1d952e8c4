-- Enrolment needs more than the password (issue 36): `user NAME --enrol` (and
-- --reset-factors, and a new user) prints a one-time code; only its SHA-256 is kept, with
-- its expiry. The authenticator key is shown only after the password and this code.
ALTER TABLE staff_user ADD COLUMN enrol_code_hash VARCHAR(64);
ALTER TABLE staff_user ADD COLUMN enrol_code_expires TIMESTAMP WITH TIME ZONE;
