-- Second-factor failures count on their own (issue 36): a correct password never resets
-- them. Reaching refund.staff.max-factor-failures locks the user's second factor until
-- factor_locked_until; each further lockout doubles (factor_lockouts of them in a row).
ALTER TABLE staff_user ADD COLUMN factor_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_user ADD COLUMN factor_locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE staff_user ADD COLUMN factor_lockouts INTEGER NOT NULL DEFAULT 0;
